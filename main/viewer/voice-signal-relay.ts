import type { LiveEvent, ServerEnvelope } from '../../common/live-protocol';
import { AppFailure } from '../app-failure';
import { parseVoiceSignal, VOICE_SIGNAL_EVENT, type SendVoiceSignalInput, type VoiceSignalEvent } from '../../common/voice-signal';

export interface VoiceSignalRelayOptions {
  /** Sends a CUSTOM_EVENT on the room's channel (empty list = everyone else); throws when not connected. */
  send(roomCode: string, eventId: string, data: unknown, toUserIds: readonly string[]): void;
  /** BUILTIN_MSG change_micro_status on the room's channel; throws when not connected. */
  setMicrophone(roomCode: string, open: boolean, userId?: string): void;
  /** Hands a received signal to the renderer. */
  emit(event: VoiceSignalEvent): void;
  /** One short line per kind of problem; never an SDP body. */
  log?(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The app's renderer has no socket of its own: sandbox voice signals go out and come in through
 * main's live channel of the room, as CUSTOM_EVENT `roomdesk.voice.signal` addressed to one peer.
 * Both directions are validated against common/voice-signal.ts.
 */
export function createVoiceSignalRelay(options: VoiceSignalRelayOptions) {
  const logged = new Set<string>();
  const logOnce = (problem: string, fields: Record<string, unknown>) => {
    if (logged.has(problem)) return;
    logged.add(problem);
    options.log?.(`voice signal: ${problem}`, fields);
  };

  return {
    send({ roomCode, toUserId, signal }: SendVoiceSignalInput): { sent: true } {
      notConnectedAsNetwork(() => options.send(roomCode, VOICE_SIGNAL_EVENT, signal, toUserId === null ? [] : [toUserId]));
      return { sent: true };
    },

    /** The agent's own microphone state (no `userId`), or, as host, a guest's. */
    setMicrophone(roomCode: string, open: boolean, userId?: string): { sent: true } {
      notConnectedAsNetwork(() => options.setMicrophone(roomCode, open, userId));
      return { sent: true };
    },

    /** Feed it every event of the host's live channels. */
    receive(roomCode: string, event: LiveEvent, envelope: ServerEnvelope): void {
      if (event.type !== 'CUSTOM_EVENT' || event.eventId !== VOICE_SIGNAL_EVENT) return;
      const fromUserId = envelope.trigger_user_id;
      const signal = parseVoiceSignal(event.payload);
      if (!fromUserId || signal === null) return logOnce('an invalid signal was dropped', { roomCode });
      options.emit({ roomCode, fromUserId, signal });
    },
  };
}

export type VoiceSignalRelay = ReturnType<typeof createVoiceSignalRelay>;

function notConnectedAsNetwork(run: () => void): void {
  try {
    run();
  } catch (error) {
    throw new AppFailure({ kind: 'network', message: error instanceof Error ? error.message : 'The live channel is not connected.' });
  }
}
