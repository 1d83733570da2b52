import { describe, expect, it } from 'vitest';
import { displayHost, mayOpenRoomInBrowser } from '../../../main/viewer/browser-handoff';
import { presenceChanges } from '../../../main/viewer/live-channel-client';
import { parseProbe } from '../../../main/viewer/viewer-host';

describe('handing a room to the system browser', () => {
  it('allows https room pages and the loopback sandbox page only', () => {
    expect(mayOpenRoomInBrowser('https://live.realsee.ai/room/AB?ticket=T&force=0')).toBe(true);
    expect(mayOpenRoomInBrowser('http://127.0.0.1:4100/room/AB?ticket=T&force=0')).toBe(true);
    expect(mayOpenRoomInBrowser('http://localhost:4100/room/AB')).toBe(true);
    expect(mayOpenRoomInBrowser('http://realsee.ai/room/AB')).toBe(false);
    expect(mayOpenRoomInBrowser('http://127.0.0.1.evil.example/room')).toBe(false);
    expect(mayOpenRoomInBrowser('http://user:pw@127.0.0.1/room')).toBe(false);
    expect(mayOpenRoomInBrowser('wss://ws-access.realsee.com/open/AB')).toBe(false);
    expect(mayOpenRoomInBrowser('file:///etc/passwd')).toBe(false);
  });

  it('shows only the host of a refused link, never its path or query', () => {
    expect(displayHost('https://evil.example:8443/steal?ticket=T')).toBe('evil.example:8443');
    expect(displayHost('mailto:someone@example.com')).toBe('mailto');
    expect(displayHost('not a url')).toBe('');
  });
});

describe('reading the room page and live presence', () => {
  it('reads the probe defensively', () => {
    expect(parseProbe({ roomError: 'ticket-used', ended: false })).toEqual({ roomError: 'ticket-used', ended: false });
    expect(parseProbe({ roomError: 7, ended: 'yes' })).toEqual({ roomError: null, ended: false });
    expect(parseProbe(null)).toBeNull();
  });

  it('tells who joined and who left', () => {
    const user = (userId: string) => ({ userId, nickname: null, role: null, online: true, microphone: null, maySyncFrame: true });
    const [a, b, c] = [user('a'), user('b'), user('c')];
    expect(presenceChanges([a, b], [a, c])).toEqual([
      { kind: 'joined', user: c },
      { kind: 'left', user: b },
    ]);
  });
});
