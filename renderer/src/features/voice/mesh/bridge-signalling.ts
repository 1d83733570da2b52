import type { VoiceBridge } from '../voice-bridge';
import type { MeshSignalling } from '../sandbox-adapter';

const SELF_TIMEOUT_MS = 10_000;

/** The app's signalling holds the room's channel (as `voice`) until `release` lets it go. */
export type HeldMeshSignalling = MeshSignalling & { release(): void };

/**
 * The sandbox's signalling in the app: main's live channel of the room, through the bridge. Voice holds
 * the channel from here until `release`, so another part of the app letting go of it (the viewer
 * closing, the tour ending) leaves voice's channel connected.
 */
export async function bridgeSignalling(bridge: VoiceBridge, roomCode: string): Promise<HeldMeshSignalling | null> {
  const { sendVoiceSignal, onVoiceSignal, connectLiveChannel, disconnectLiveChannel, onLivePresence } = bridge;
  if (!sendVoiceSignal || !onVoiceSignal || !connectLiveChannel || !disconnectLiveChannel || !onLivePresence) return null;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    void disconnectLiveChannel({ roomCode, holder: 'voice' }).catch(() => undefined);
  };
  let selfId: string;
  try {
    selfId = await liveSelfId(bridge, roomCode);
  } catch (error) {
    release();
    throw error;
  }
  return {
    selfId,
    release,
    transport: {
      // A signal lost while the channel reconnects is recovered by the hello sent after it is back.
      send: (toUserId, signal) => void sendVoiceSignal({ roomCode, toUserId, signal }).catch(() => undefined),
      onSignal: (listener) =>
        onVoiceSignal((event) => {
          if (event.roomCode === roomCode) listener(event.fromUserId, event.signal);
        }),
    },
    onPeerLeft: (listener) =>
      onLivePresence((presence) => {
        if (presence.roomCode !== roomCode) return;
        for (const change of presence.changes) if (change.kind === 'left') listener(change.user.userId);
      }),
    onReconnected(listener) {
      let connected = true;
      return onLivePresence((presence) => {
        if (presence.roomCode !== roomCode) return;
        const now = presence.connection === 'connected';
        if (now && !connected) listener();
        connected = now;
      });
    },
  };
}

/** The agent's user id on the room's channel: holds it for voice (connecting it if needed) and waits for SELF_USER_INFO. */
async function liveSelfId(bridge: VoiceBridge, roomCode: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new Error('The room’s live channel did not connect.'))), SELF_TIMEOUT_MS);
    const unsubscribe = bridge.onLivePresence!((presence) => {
      if (presence.roomCode === roomCode && presence.connection === 'connected' && presence.self)
        finish(() => resolve(presence.self!.userId));
    });
    void bridge.connectLiveChannel!({ roomCode, holder: 'voice' }).then((answer) => {
      if (answer.ok && answer.value.connection === 'connected' && answer.value.self) finish(() => resolve(answer.value.self!.userId));
      else if (!answer.ok) finish(() => reject(new Error(answer.error.message)));
    });
  });
}
