import { describe, expect, it } from 'vitest';
import { displayHost, mayOpenRoomInBrowser } from '../../../main/viewer/browser-handoff';
import { parseLiveMessage, presenceChanges, readUserList, isRoomCloseEvent, roomCloseCommand } from '../../../main/viewer/live-protocol';
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

describe('reading the room page and the live channel', () => {
  it('reads the probe defensively', () => {
    expect(parseProbe({ roomError: 'ticket-used', ended: false })).toEqual({ roomError: 'ticket-used', ended: false });
    expect(parseProbe({ roomError: 7, ended: 'yes' })).toEqual({ roomError: null, ended: false });
    expect(parseProbe(null)).toBeNull();
  });

  it('parses envelopes and ignores what is not one', () => {
    expect(parseLiveMessage('{"code":"SUCCESS","command":"ROOM_INFO","trigger_user_id":42,"data":{"status":1}}')).toEqual({
      code: 'SUCCESS',
      message: '',
      command: 'ROOM_INFO',
      triggerUserId: '42',
      data: { status: 1 },
    });
    expect(parseLiveMessage('not json')).toBeNull();
    expect(parseLiveMessage('{"code":"SUCCESS"}')).toBeNull();
  });

  it('reads user lists in the spellings Realsee uses and drops users who left', () => {
    const list = readUserList({
      user_list: [
        { custom_user_id: 'a', user_role: 'anchor', extension: { nickname: 'Agent' }, status: 1 },
        { user_id: 'b', role: 'audience', nickname: 'Guest', status: 0 },
        { user_id: 'c' },
        { nothing: true },
      ],
    });
    expect(list).toEqual([
      { userId: 'a', nickname: 'Agent', role: 'anchor' },
      { userId: 'c', nickname: null, role: null },
    ]);
    expect(readUserList([{ user_id: 'x' }])).toEqual([{ userId: 'x', nickname: null, role: null }]);
    expect(readUserList('nope')).toBeNull();
  });

  it('tells who joined and who left', () => {
    const a = { userId: 'a', nickname: null, role: null };
    const b = { userId: 'b', nickname: null, role: null };
    const c = { userId: 'c', nickname: null, role: null };
    expect(presenceChanges([a, b], [a, c])).toEqual([
      { kind: 'joined', user: c },
      { kind: 'left', user: b },
    ]);
  });

  it('builds and recognises the room close message', () => {
    const sent = JSON.parse(roomCloseCommand('req-1'));
    expect(sent).toEqual({ command: 'BUILTIN_MSG', front_request_id: 'req-1', data: { event_type: 'room_change', action: 'close' } });
    expect(isRoomCloseEvent(parseLiveMessage(JSON.stringify({ code: 'SUCCESS', ...sent }))!)).toBe(true);
    expect(isRoomCloseEvent(parseLiveMessage('{"code":"SUCCESS","command":"BUILTIN_MSG","data":{"event_type":"room_change","action":"open"}}')!)).toBe(false);
  });
});
