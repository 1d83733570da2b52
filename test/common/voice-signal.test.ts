import { describe, expect, it } from 'vitest';
import { bridgeContract, bridgeEvents } from '../../common/contract/index';
import { MAX_SDP_CHARS, parseVoiceSignal, sendVoiceSignalInputSchema, voiceSignalSchema } from '../../common/voice-signal';

const session = 'a1b2c3d4e5f6a7b8';
const peerSession = 'f0e1d2c3b4a59687';

describe('voice signals', () => {
  it('reads every kind the mesh sends', () => {
    const signals = [
      { kind: 'hello', session, reply: false },
      { kind: 'bye', session },
      { kind: 'offer', session, peerSession, sdp: 'v=0\r\n' },
      { kind: 'answer', session, peerSession, sdp: 'v=0\r\n' },
      {
        kind: 'ice',
        session,
        peerSession,
        candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
        sdpMid: '0',
        sdpMLineIndex: 0,
      },
      { kind: 'ice', session, peerSession, candidate: '', sdpMid: null, sdpMLineIndex: null },
    ];
    for (const signal of signals) expect(parseVoiceSignal(signal)).toEqual(signal);
  });

  it('refuses oversized descriptions, unknown kinds, extra keys and malformed sessions', () => {
    expect(parseVoiceSignal({ kind: 'offer', session, peerSession, sdp: 'x'.repeat(MAX_SDP_CHARS + 1) })).toBeNull();
    expect(parseVoiceSignal({ kind: 'offer', session, peerSession, sdp: '' })).toBeNull();
    expect(parseVoiceSignal({ kind: 'renegotiate', session })).toBeNull();
    expect(parseVoiceSignal({ kind: 'bye', session, extra: true })).toBeNull();
    expect(parseVoiceSignal({ kind: 'hello', session: 'short', reply: false })).toBeNull();
    expect(parseVoiceSignal({ kind: 'hello', session: 'has spaces in it!', reply: false })).toBeNull();
    expect(
      parseVoiceSignal({ kind: 'ice', session, peerSession, candidate: 'c'.repeat(1001), sdpMid: null, sdpMLineIndex: null }),
    ).toBeNull();
    expect(parseVoiceSignal(null)).toBeNull();
    expect(parseVoiceSignal('hello')).toBeNull();
  });

  it('the bridge input names a room, one peer or everyone, and a valid signal, and nothing else', () => {
    const signal = { kind: 'hello', session, reply: true };
    expect(sendVoiceSignalInputSchema.safeParse({ roomCode: 'ROOM1', toUserId: 'client-1', signal }).success).toBe(true);
    expect(sendVoiceSignalInputSchema.safeParse({ roomCode: 'ROOM1', toUserId: null, signal }).success).toBe(true);
    expect(sendVoiceSignalInputSchema.safeParse({ roomCode: 'ROOM1', toUserId: '', signal }).success).toBe(false);
    expect(sendVoiceSignalInputSchema.safeParse({ roomCode: 'ROOM1', toUserId: null, signal, eventId: 'other' }).success).toBe(false);
    expect(sendVoiceSignalInputSchema.safeParse({ roomCode: 'ROOM1', toUserId: null, signal: { kind: 'bye' } }).success).toBe(false);
  });

  it('is part of the bridge contract: a method, the microphone built-in, and an event', () => {
    expect(bridgeContract.sendVoiceSignal.input).toBe(sendVoiceSignalInputSchema);
    expect(bridgeContract.setRoomMicrophone.input.safeParse({ roomCode: 'ROOM1', open: false, userId: 'client-1' }).success).toBe(true);
    expect(bridgeContract.setRoomMicrophone.input.safeParse({ roomCode: 'ROOM1', open: 'no' }).success).toBe(false);
    expect(bridgeEvents.voiceSignal.safeParse({ roomCode: 'ROOM1', fromUserId: 'agent', signal: { kind: 'bye', session } }).success).toBe(
      true,
    );
    expect(voiceSignalSchema.safeParse({ kind: 'bye', session }).success).toBe(true);
  });
});
