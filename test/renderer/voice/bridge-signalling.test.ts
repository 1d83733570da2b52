import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../common/contract/index';
import type { VoiceSignalEvent } from '../../../common/voice-signal';
import { bridgeSignalling } from '../../../renderer/src/features/voice/mesh/bridge-signalling';
import type { VoiceBridge } from '../../../renderer/src/features/voice/voice-bridge';

type Presence = EventPayload<'livePresence'>;

const session = 'a1b2c3d4e5f6a7b8';

function presence(connection: Presence['connection'], patch: Partial<Presence> = {}): Presence {
  const self = { userId: 'agent-7', nickname: null, role: 'anchor', online: true, microphone: null, maySyncFrame: true };
  return {
    roomCode: 'ROOM1',
    connection,
    self: connection === 'connected' ? self : null,
    users: [],
    voice: null,
    leaderId: null,
    changes: [],
    reconnect: null,
    reason: null,
    updatedAt: 0,
    ...patch,
  };
}

function fakeBridge(initial: Presence) {
  const presenceListeners = new Set<(value: Presence) => void>();
  const signalListeners = new Set<(value: VoiceSignalEvent) => void>();
  const sent: unknown[] = [];
  const connects: string[] = [];
  const bridge = {
    joinVoice: async () => ({ ok: false, error: { kind: 'internal', message: 'unused' } }),
    getRoomDetails: async () => ({ ok: false, error: { kind: 'internal', message: 'unused' } }),
    connectLiveChannel: async ({ holder }: { holder: string }) => {
      connects.push(`hold ${holder}`);
      return { ok: true, value: initial };
    },
    disconnectLiveChannel: async ({ holder }: { holder: string }) => {
      connects.push(`release ${holder}`);
      return { ok: true, value: initial };
    },
    onLivePresence: (listener: (value: Presence) => void) => {
      presenceListeners.add(listener);
      return () => void presenceListeners.delete(listener);
    },
    onVoiceSignal: (listener: (value: VoiceSignalEvent) => void) => {
      signalListeners.add(listener);
      return () => void signalListeners.delete(listener);
    },
    sendVoiceSignal: async (input: unknown) => {
      sent.push(input);
      return { ok: false, error: { kind: 'network', message: 'The live channel is not connected.' } };
    },
  } as unknown as VoiceBridge;
  return {
    bridge,
    sent,
    connects,
    presence: (value: Presence) => presenceListeners.forEach((listener) => listener(value)),
    signal: (value: VoiceSignalEvent) => signalListeners.forEach((listener) => listener(value)),
  };
}

describe('the app’s sandbox signalling through the bridge', () => {
  it('is the agent on the room’s channel, waiting for the channel to connect when it is not yet', async () => {
    const fake = fakeBridge(presence('connecting'));
    const pending = bridgeSignalling(fake.bridge, 'ROOM1');
    fake.presence(presence('connected', { roomCode: 'OTHER' }));
    fake.presence(presence('connected'));
    expect((await pending)!.selfId).toBe('agent-7');
  });

  it('sends through main (a refused send is not thrown), hears only its room, and reports leavers and reconnections', async () => {
    const fake = fakeBridge(presence('connected'));
    const signalling = (await bridgeSignalling(fake.bridge, 'ROOM1'))!;
    const received: unknown[] = [];
    const left: string[] = [];
    let reconnected = 0;
    signalling.transport.onSignal((from, signal) => received.push([from, signal.kind]));
    signalling.onPeerLeft!((userId) => left.push(userId));
    signalling.onReconnected!(() => (reconnected += 1));

    signalling.transport.send('client-1', { kind: 'bye', session });
    expect(fake.sent).toEqual([{ roomCode: 'ROOM1', toUserId: 'client-1', signal: { kind: 'bye', session } }]);

    fake.signal({ roomCode: 'OTHER', fromUserId: 'x', signal: { kind: 'bye', session } });
    fake.signal({ roomCode: 'ROOM1', fromUserId: 'client-1', signal: { kind: 'hello', session, reply: false } });
    expect(received).toEqual([['client-1', 'hello']]);

    const guest = { userId: 'client-1', nickname: null, role: 'audience', online: false, microphone: null, maySyncFrame: true };
    fake.presence(presence('connected', { changes: [{ kind: 'left', user: guest }] }));
    expect(left).toEqual(['client-1']);

    fake.presence(presence('reconnecting'));
    fake.presence(presence('connected'));
    fake.presence(presence('connected'));
    expect(reconnected).toBe(1);

    // Voice holds the channel as its own holder: nothing it hears makes it connect again, and it lets go once.
    expect(fake.connects).toEqual(['hold voice']);
    fake.presence(presence('disconnected'));
    fake.presence(presence('room-closed'));
    expect(fake.connects).toEqual(['hold voice']);
    signalling.release();
    signalling.release();
    expect(fake.connects).toEqual(['hold voice', 'release voice']);
  });

  it('lets go of its hold when the channel never says who the agent is', async () => {
    const fake = fakeBridge(presence('connecting'));
    (fake.bridge as { connectLiveChannel: unknown }).connectLiveChannel = async () => {
      fake.connects.push('hold voice');
      return { ok: false, error: { kind: 'network', message: 'The room could not be reached.' } };
    };
    await expect(bridgeSignalling(fake.bridge, 'ROOM1')).rejects.toThrow('The room could not be reached.');
    expect(fake.connects).toEqual(['hold voice', 'release voice']);
  });

  it('is absent without the live channel methods (the sandbox then only meters the microphone)', async () => {
    const fake = fakeBridge(presence('connected'));
    const { sendVoiceSignal: _dropped, ...withoutSignals } = fake.bridge as Record<string, unknown>;
    expect(await bridgeSignalling(withoutSignals as unknown as VoiceBridge, 'ROOM1')).toBeNull();
  });
});
