import { describe, expect, it } from 'vitest';
import { buildGuestLink, guestPageUrlSchema, guestSocketUrl, parseGuestLink } from '../../common/guest-link';
import { profileDraftSchema } from '../../common/profile';

const roomLink = 'ws://127.0.0.1:4100/open/12345678?open_app_id=7';
const ticket = 'tk_AbCdEf0123456789';
const good = buildGuestLink('http://127.0.0.1:4100/guest/', { roomLink, ticket, lang: 'zh-CN', hostRole: 'anchor' });

describe('guest link', () => {
  it('round-trips through the fragment only', () => {
    expect(good.startsWith('http://127.0.0.1:4100/guest/#')).toBe(true);
    expect(new URL(good).search).toBe('');
    expect(parseGuestLink(new URL(good).hash)).toEqual({ ok: true, link: { roomLink, ticket, lang: 'zh-CN', hostRole: 'anchor' } });
  });

  it('connects with the ticket and force=1 on the room link', () => {
    const url = new URL(guestSocketUrl({ roomLink, ticket, lang: null, hostRole: null }));
    expect(url.pathname).toBe('/open/12345678');
    expect(url.searchParams.get('open_app_id')).toBe('7');
    expect(url.searchParams.get('ticket')).toBe(ticket);
    expect(url.searchParams.get('force')).toBe('1');
  });

  it('reads an empty fragment as missing', () => {
    expect(parseGuestLink('')).toEqual({ ok: false, problem: 'missing' });
    expect(parseGuestLink('#')).toEqual({ ok: false, problem: 'missing' });
  });

  it('refuses truncated links', () => {
    const hash = new URL(good).hash;
    for (const cut of [hash.indexOf('&ticket'), hash.indexOf('ticket=') + 7, 12]) {
      expect(parseGuestLink(hash.slice(0, cut)), hash.slice(0, cut)).toEqual({ ok: false, problem: 'malformed' });
    }
  });

  it('refuses tampered links', () => {
    const tampered = [
      `room=${encodeURIComponent('https://evil.example/open/1')}&ticket=${ticket}`,
      `room=${encodeURIComponent('javascript:alert(1)')}&ticket=${ticket}`,
      `room=${encodeURIComponent('ws://user:pw@127.0.0.1/open/1')}&ticket=${ticket}`,
      `room=${encodeURIComponent('ws://127.0.0.1/')}&ticket=${ticket}`,
      `room=${encodeURIComponent(`${roomLink}&ticket=other`)}&ticket=${ticket}`,
      `room=${encodeURIComponent(roomLink)}&ticket=${ticket}&room=${encodeURIComponent(roomLink)}`,
      `room=${encodeURIComponent(roomLink)}&ticket=${encodeURIComponent('<script>')}`,
      `room=${encodeURIComponent(roomLink)}&ticket=short`,
      `room=%E0%A4%A&ticket=${ticket}`,
      `room=${encodeURIComponent(roomLink)}&ticket=${'x'.repeat(5000)}`,
      `room=${encodeURIComponent(roomLink)}&ticket=${ticket}&host=${encodeURIComponent('an chor')}`,
    ];
    for (const hash of tampered) expect(parseGuestLink(hash), hash).toEqual({ ok: false, problem: 'malformed' });
  });

  it('ignores an unknown language', () => {
    const result = parseGuestLink(`room=${encodeURIComponent(roomLink)}&ticket=${ticket}&lang=fr`);
    expect(result).toEqual({ ok: true, link: { roomLink, ticket, lang: null, hostRole: null } });
  });
});

describe('the Guest page URL setting', () => {
  it('takes https anywhere and http on this machine only', () => {
    for (const good of [
      'https://tour.agency.example/guest/',
      'https://tour.agency.example',
      'http://127.0.0.1:4010/guest/',
      'http://localhost/g/',
    ]) {
      expect(guestPageUrlSchema.safeParse(good).success, good).toBe(true);
    }
    for (const bad of [
      'http://tour.agency.example/guest/',
      'ftp://tour.agency.example/',
      'javascript:alert(1)',
      'https://user:pw@tour.agency.example/',
      'https://tour.agency.example/guest/#room=x',
      'tour.agency.example',
      '',
    ]) {
      expect(guestPageUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('is an optional, validated field of a profile draft', () => {
    const draft = {
      name: 'Acme',
      region: 'global',
      appKey: 'key',
      roles: { host: 'anchor', guest: 'audience' },
      userId: 'agent-7',
      nickname: '',
    } as const;
    expect(profileDraftSchema.safeParse(draft).success).toBe(true);
    expect(profileDraftSchema.safeParse({ ...draft, guestPageUrl: 'https://tour.agency.example/' }).success).toBe(true);
    const refused = profileDraftSchema.safeParse({ ...draft, guestPageUrl: 'http://tour.agency.example/' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['guestPageUrl']);
    expect(refused.error?.issues[0]?.message).toMatch(/https/);
  });
});
