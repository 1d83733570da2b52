import { describe, expect, it } from 'vitest';
import { decideViewerNavigation } from '../../../main/shell/viewer-navigation';

const scope = {
  roomOrigin: 'https://live.realsee.ai/room/ABC?x=1',
  allowedHosts: ['vr.realsee.ai', 'cdn.example.com:8443', '*.realsee-cdn.com'],
};
const denied = (offerExternal: boolean) => ({ deny: true, offerExternal });

describe('decideViewerNavigation', () => {
  it('allows the room origin with any path and query', () => {
    expect(decideViewerNavigation('https://live.realsee.ai/other/page?ticket=t', scope)).toBe('allow');
  });

  it('allows a listed host on its default port', () => {
    expect(decideViewerNavigation('https://vr.realsee.ai/80abc', scope)).toBe('allow');
    expect(decideViewerNavigation('https://vr.realsee.ai:443/80abc', scope)).toBe('allow');
  });

  it('compares hosts case-insensitively, as the URL parser normalises them', () => {
    expect(decideViewerNavigation('https://VR.REALSEE.AI/x', scope)).toBe('allow');
    expect(decideViewerNavigation('https://x', { roomOrigin: 'https://live.realsee.ai', allowedHosts: ['VR.Realsee.AI'] })).toEqual(
      denied(true),
    );
    expect(
      decideViewerNavigation('https://vr.realsee.ai', { roomOrigin: 'https://live.realsee.ai', allowedHosts: ['VR.Realsee.AI'] }),
    ).toBe('allow');
  });

  it('honours host:port entries exactly', () => {
    expect(decideViewerNavigation('https://cdn.example.com:8443/a', scope)).toBe('allow');
    expect(decideViewerNavigation('https://cdn.example.com/a', scope)).toEqual(denied(true));
    expect(decideViewerNavigation('https://vr.realsee.ai:8443/a', scope)).toEqual(denied(true));
  });

  it('does not let a bare host cover its subdomains, but *.host does (and not the apex)', () => {
    expect(decideViewerNavigation('https://sub.vr.realsee.ai/', scope)).toEqual(denied(true));
    expect(decideViewerNavigation('https://img.realsee-cdn.com/a.jpg', scope)).toBe('allow');
    expect(decideViewerNavigation('https://realsee-cdn.com/a.jpg', scope)).toEqual(denied(true));
  });

  it('denies look-alike hosts that a string-prefix check would let through', () => {
    expect(decideViewerNavigation('https://vr.realsee.ai.evil.com/', scope)).toEqual(denied(true));
    expect(decideViewerNavigation('https://live.realsee.ai.evil.com/room/ABC', scope)).toEqual(denied(true));
    expect(decideViewerNavigation('https://evilrealsee-cdn.com/', scope)).toEqual(denied(true));
    expect(decideViewerNavigation('https://evil.com/?x=https://vr.realsee.ai', scope)).toEqual(denied(true));
    expect(decideViewerNavigation('https://evil.com/https://live.realsee.ai/', scope)).toEqual(denied(true));
    expect(decideViewerNavigation('https://vr.realsee.ai./', scope)).toEqual(denied(true));
  });

  it('denies userinfo tricks and never offers them to the browser', () => {
    expect(decideViewerNavigation('https://vr.realsee.ai@evil.com/', scope)).toEqual(denied(false));
    expect(decideViewerNavigation('https://user:pw@vr.realsee.ai/', scope)).toEqual(denied(false));
  });

  it('compares internationalised names in their punycode form', () => {
    // "vr.reаlsee.ai" with a Cyrillic "а" is a different host.
    expect(decideViewerNavigation('https://vr.re\u0430lsee.ai/', scope)).toEqual(denied(true));
    const idnScope = { roomOrigin: 'https://live.realsee.ai', allowedHosts: ['bücher.example'] };
    expect(decideViewerNavigation('https://xn--bcher-kva.example/', idnScope)).toBe('allow');
    expect(decideViewerNavigation('https://BÜCHER.example/', idnScope)).toBe('allow');
  });

  it('denies non-web schemes without offering them externally', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'file:///etc/passwd',
      'about:blank',
      'blob:https://vr.realsee.ai/uuid',
      'not a url',
    ]) {
      expect(decideViewerNavigation(url, scope)).toEqual(denied(false));
    }
  });

  it('never allows local files, even when listed', () => {
    expect(decideViewerNavigation('file:///tmp/room.html', { roomOrigin: 'file:///tmp/room.html', allowedHosts: ['file:'] })).toEqual(
      denied(false),
    );
  });

  it('allows plain http only for a loopback room origin (the sandbox gateway)', () => {
    const sandbox = { roomOrigin: 'http://127.0.0.1:43111/room/R1', allowedHosts: [] };
    expect(decideViewerNavigation('http://127.0.0.1:43111/room/R1?ticket=t', sandbox)).toBe('allow');
    expect(decideViewerNavigation('http://127.0.0.1:43112/', sandbox)).toEqual(denied(false));
    expect(decideViewerNavigation('http://vr.realsee.ai/', scope)).toEqual(denied(false));
    const internetHttp = { roomOrigin: 'http://live.realsee.ai/room', allowedHosts: ['http://vr.realsee.ai'] };
    expect(decideViewerNavigation('http://live.realsee.ai/room', internetHttp)).toEqual(denied(false));
    expect(decideViewerNavigation('http://vr.realsee.ai/', internetHttp)).toEqual(denied(false));
  });

  it('offers other https pages to the system browser', () => {
    expect(decideViewerNavigation('https://www.realsee.com/help', scope)).toEqual(denied(true));
  });

  it('ignores malformed allow-list entries instead of widening the list', () => {
    const odd = { roomOrigin: 'not a url', allowedHosts: ['', '*', '*.', 'evil.com/path', 'realsee.ai@evil.com', 'a b.com', '*.*.com'] };
    expect(decideViewerNavigation('https://evil.com/', odd)).toEqual(denied(true));
    expect(decideViewerNavigation('https://realsee.ai/', odd)).toEqual(denied(true));
    expect(decideViewerNavigation('https://x.y.com/', odd)).toEqual(denied(true));
  });
});
