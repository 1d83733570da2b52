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
  drop(code: number): void {
    this.readyState = WebSocket.CLOSED;
    this.dispatchEvent(Object.assign(new Event('close'), { code }));
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
