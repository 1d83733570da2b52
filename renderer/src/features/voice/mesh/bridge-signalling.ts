import type { VoiceBridge } from '../voice-bridge';
import type { MeshSignalling } from '../sandbox-adapter';

const SELF_TIMEOUT_MS = 10_000;

/**
 * The sandbox's signalling in the app: main's live channel of the room, through the bridge. While voice
 * listens (`onReconnected`), the channel is kept connected.
 */
export async function bridgeSignalling(bridge: VoiceBridge, roomCode: string): Promise<MeshSignalling | null> {
  const { sendVoiceSignal, onVoiceSignal, connectLiveChannel, onLivePresence } = bridge;
  if (!sendVoiceSignal || !onVoiceSignal || !connectLiveChannel || !onLivePresence) return null;
  const selfId = await liveSelfId(bridge, roomCode);
  return {
    selfId,
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
        // Another screen let the channel go (the viewer closing) while voice still needs it: connect again.
        if (presence.connection === 'disconnected') void connectLiveChannel({ roomCode });
        const now = presence.connection === 'connected';
        if (now && !connected) listener();
        connected = now;
      });
    },
  };
}

/** The agent's user id on the room's channel: connects it if needed and waits for SELF_USER_INFO. */
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
    void bridge.connectLiveChannel!({ roomCode }).then((answer) => {
      if (answer.ok && answer.value.connection === 'connected' && answer.value.self) finish(() => resolve(answer.value.self!.userId));
      else if (!answer.ok) finish(() => reject(new Error(answer.error.message)));
    });
  });
}
