import { describe, expect, it } from 'vitest';
import { inviteText } from '../../../renderer/src/features/room/invite-text';
import { en } from '../../../renderer/src/i18n/en';

const facts = { guestName: 'Ann', listingTitle: 'Riverside flat', link: 'https://example.test/r/1?t=x', time: '14:05', minutes: 30 };

describe('the invitation text', () => {
  it('carries the name, the home, the link and the expiry in the chosen language', () => {
    const text = inviteText('en', facts, en.invite);
    for (const part of ['Ann', 'Riverside flat', facts.link, '14:05']) expect(text).toContain(part);
    expect(inviteText('zh', facts, en.invite)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('puts Chinese first and English second when both are asked for', () => {
    const both = inviteText('both', facts, en.invite);
    expect(both).toBe(`${inviteText('zh', facts, en.invite)}\n\n${inviteText('en', facts, en.invite)}`);
  });

  it('falls back to a polite name and title when none were given', () => {
    const text = inviteText('en', { ...facts, guestName: undefined, listingTitle: undefined }, en.invite);
    expect(text).toContain(en.invite.fallbackNameEn);
    expect(text).toContain(en.invite.fallbackTitleEn);
  });

  it('promises a browser only for a web page link, never for a live-channel link', () => {
    expect(inviteText('en', facts, en.invite)).toContain('Open it in your browser');
    expect(inviteText('zh', facts, en.invite)).toContain('用浏览器直接打开');
    const live = { ...facts, link: 'ws://127.0.0.1:4010/open/RC?open_app_id=1&ticket=t&force=1' };
    expect(inviteText('both', live, en.invite)).not.toMatch(/browser|浏览器/);
  });

  it('says a sandbox link opens only on the computer that sent it, and promises no app-free browser join', () => {
    const sandbox = { ...facts, link: 'http://127.0.0.1:4010/guest/#room=ws%3A%2F%2F127.0.0.1%3A4010%2Fopen%2FRC&ticket=abcdefgh' };
    expect(inviteText('en', sandbox, en.invite)).toContain('it opens only in a browser on the computer that sent it');
    expect(inviteText('zh', sandbox, en.invite)).toContain('只能在发送它的电脑上用浏览器打开');
    expect(inviteText('both', sandbox, en.invite)).not.toMatch(/no app needed|无需安装应用/);
    expect(inviteText('en', facts, en.invite)).not.toContain('practice link');
  });
});
