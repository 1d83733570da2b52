import { describe, expect, it } from 'vitest';
import type { LiveEvent, ServerEnvelope } from '../../../common/live-protocol';
import { VOICE_SIGNAL_EVENT, type VoiceSignalEvent } from '../../../common/voice-signal';
import { AppFailure } from '../../../main/app-failure';
import { createVoiceSignalRelay } from '../../../main/viewer/voice-signal-relay';

const session = 'a1b2c3d4e5f6a7b8';
const peerSession = 'f0e1d2c3b4a59687';

function relay(connected = true) {
  const sent: Array<{ roomCode: string; eventId: string; data: unknown; toUserIds: readonly string[] }> = [];
  const microphones: Array<{ roomCode: string; open: boolean; userId: string | undefined }> = [];
  const emitted: VoiceSignalEvent[] = [];
  const logs: string[] = [];
  const notConnected = () => {
    throw new Error('The live channel is not connected.');
  };
  const subject = createVoiceSignalRelay({
    send: connected ? (roomCode, eventId, data, toUserIds) => void sent.push({ roomCode, eventId, data, toUserIds }) : notConnected,
    setMicrophone: connected ? (roomCode, open, userId) => void microphones.push({ roomCode, open, userId }) : notConnected,
    emit: (event) => emitted.push(event),
    log: (message, fields) => logs.push(`${message} ${JSON.stringify(fields)}`),
  });
  return { subject, sent, microphones, emitted, logs };
}

const envelope = (trigger: string | null) => ({ trigger_user_id: trigger }) as unknown as ServerEnvelope;
const custom = (eventId: string, payload: unknown): LiveEvent => ({ type: 'CUSTOM_EVENT', eventId, payload, toUserIds: ['agent'] });

describe('voice signal relay', () => {
  it('sends a signal as roomdesk.voice.signal to one peer, or to everyone else', () => {
    const { subject, sent } = relay();
    const hello = { kind: 'hello' as const, session, reply: false };
    expect(subject.send({ roomCode: 'ROOM1', toUserId: 'client-1', signal: hello })).toEqual({ sent: true });
    subject.send({ roomCode: 'ROOM1', toUserId: null, signal: hello });
    expect(sent).toEqual([
      { roomCode: 'ROOM1', eventId: VOICE_SIGNAL_EVENT, data: hello, toUserIds: ['client-1'] },
      { roomCode: 'ROOM1', eventId: VOICE_SIGNAL_EVENT, data: hello, toUserIds: [] },
    ]);
  });

  it('announces microphone states, the agent’s own or a guest’s', () => {
    const { subject, microphones } = relay();
    subject.setMicrophone('ROOM1', true);
    subject.setMicrophone('ROOM1', false, 'client-1');
    expect(microphones).toEqual([
      { roomCode: 'ROOM1', open: true, userId: undefined },
      { roomCode: 'ROOM1', open: false, userId: 'client-1' },
    ]);
  });

  it('a channel that is not connected is a network failure, not a crash', () => {
    const { subject } = relay(false);
    const signal = { kind: 'bye' as const, session };
    expect(() => subject.send({ roomCode: 'ROOM1', toUserId: null, signal })).toThrow(AppFailure);
    let failure: unknown = null;
    try {
      subject.setMicrophone('ROOM1', false);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).appError.kind).toBe('network');
  });

  it('hands valid signals to the renderer with their sender, and drops the rest with one short log line', () => {
    const { subject, emitted, logs } = relay();
    const offer = { kind: 'offer', session, peerSession, sdp: 'v=0\r\nsecret-looking-sdp-body\r\n' };
    subject.receive('ROOM1', custom(VOICE_SIGNAL_EVENT, offer), envelope('client-1'));
    subject.receive('ROOM1', custom('roomdesk.tour.work', { work: {} }), envelope('client-1'));
    subject.receive('ROOM1', { type: 'KEYFRAME_SYNC', frames: {}, toUserIds: [] }, envelope('client-1'));
    subject.receive('ROOM1', custom(VOICE_SIGNAL_EVENT, { ...offer, sdp: 'x'.repeat(20_000) }), envelope('client-1'));
    subject.receive('ROOM1', custom(VOICE_SIGNAL_EVENT, offer), envelope(null));
    subject.receive('ROOM1', custom(VOICE_SIGNAL_EVENT, { kind: 'nonsense' }), envelope('client-1'));
    expect(emitted).toEqual([{ roomCode: 'ROOM1', fromUserId: 'client-1', signal: offer }]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('invalid signal');
    expect(logs[0]).not.toContain('sdp');
  });
});
