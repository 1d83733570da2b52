import { describe, expect, it } from 'vitest';
import { serverFrame, type LiveEvent } from '../../../common/live-protocol';
import { connectGuestChannel, type GuestChannelEnd } from '../../../renderer/src/guest/guest-channel';

/** A WebSocket stand-in the test drives: frames in, a close, and what the page sent. */
class FakeSocket extends EventTarget {
  readyState: number = WebSocket.OPEN;
  sent: string[] = [];
  send(text: string): void {
    this.sent.push(text);
  }
  close(): void {
    this.drop(1000);
  }
  frame(command: string, data: unknown): void {
    const text = JSON.stringify(serverFrame({ appId: '1', command, data, requestId: 'r', roomCode: 'RC', triggerUserId: 'agent' }));
    this.dispatchEvent(new MessageEvent('message', { data: text }));
  }
  drop(code: number, reason = ''): void {
    this.readyState = WebSocket.CLOSED;
    this.dispatchEvent(Object.assign(new Event('close'), { code, reason }));
  }
}

function connect() {
  const socket = new FakeSocket();
  const events: LiveEvent[] = [];
  const ends: GuestChannelEnd[] = [];
  const channel = connectGuestChannel({
    url: 'ws://127.0.0.1:1/open/RC?ticket=t&force=1',
    onEvent: (event) => events.push(event),
    onEnd: (reason) => ends.push(reason),
    createSocket: () => socket as unknown as WebSocket,
  });
  return { socket, events, ends, channel };
}

const roomInfo = { info: { room_code: 'RC' }, last_frame: {} };

describe('the guest page channel', () => {
  it('reads a close before the room let it in as a refused ticket', () => {
    const { socket, ends } = connect();
    socket.drop(1008);
    expect(ends).toEqual(['refused']);
  });

  it('tells an ended room, a used, expired, foreign or damaged ticket and a full room apart by the refusal reason', () => {
    const cases: Array<[string, GuestChannelEnd]> = [
      ['room-closed', 'roomClosed'],
      ['ticket-used', 'used'],
      ['ticket-expired', 'expired'],
      ['ticket-foreign', 'otherRoom'],
      ['room-not-found', 'unknownRoom'],
      ['ticket-invalid', 'badTicket'],
      ['ticket-missing', 'badTicket'],
      ['room-full', 'full'],
      ['something the server never said before', 'refused'],
    ];
    for (const [reason, expected] of cases) {
      const { socket, ends } = connect();
      socket.drop(1008, reason);
      expect(ends, reason).toEqual([expected]);
    }
  });

  it('reads a refusal reason only before the room let it in: afterwards a close is a lost connection', () => {
    const { socket, ends } = connect();
    socket.frame('ROOM_INFO', roomInfo);
    socket.drop(1008, 'room-closed');
    expect(ends).toEqual(['disconnected']);
  });

  it('says when the same link took over on another device, and when the agent removed the guest', () => {
    const replaced = connect();
    replaced.socket.frame('ROOM_INFO', roomInfo);
    replaced.socket.frame('SELF_USER_INFO', { id: 'client', user_role: 'audience', status: 2, mem_status: 'BE_REPLACE' });
    replaced.socket.frame('USER_KICK_OUT', {});
    replaced.socket.drop(1000, 'replaced');
    expect(replaced.ends).toEqual(['replaced']);

    const removed = connect();
    removed.socket.frame('ROOM_INFO', roomInfo);
    removed.socket.frame('SELF_USER_INFO', { id: 'client', user_role: 'audience', status: 0 });
    removed.socket.frame('USER_KICK_OUT', {});
    removed.socket.drop(1000, 'kicked');
    expect(removed.ends).toEqual(['removed']);
  });

  it('reads a close after ROOM_INFO as a lost connection, once', () => {
    const { socket, ends, events } = connect();
    socket.frame('ROOM_INFO', roomInfo);
    expect(events.map((event) => event.type)).toEqual(['ROOM_INFO']);
    socket.drop(1006);
    socket.drop(1006);
    expect(ends).toEqual(['disconnected']);
  });

  it('reads the room_change close built-in as the room ended', () => {
    const { socket, ends } = connect();
    socket.frame('ROOM_INFO', roomInfo);
    socket.frame('BUILTIN_MSG', { event_type: 'room_change', action: 'close', data: {}, to_user_ids: [] });
    socket.drop(1000);
    expect(ends).toEqual(['ended']);
  });

  it('skips frames it cannot read and keeps going', () => {
    const { socket, events, ends } = connect();
    socket.dispatchEvent(new MessageEvent('message', { data: 'not json' }));
    socket.frame('ROOM_INFO', roomInfo);
    expect(events).toHaveLength(1);
    expect(ends).toEqual([]);
  });

  it('sends keyframes in the protocol shape, and refuses to send when closed', () => {
    const { socket, channel } = connect();
    channel.sendKeyframe({ FiveState: { longitude: 1 } });
    expect(JSON.parse(socket.sent[0]!)).toMatchObject({ command: 'KEYFRAME_SYNC', data: { FiveState: { longitude: 1 }, to_user_ids: [] } });
    socket.drop(1006);
    expect(() => channel.sendKeyframe({})).toThrow(/not open/);
  });
});
