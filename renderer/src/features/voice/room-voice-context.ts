import { createContext, useContext, useMemo } from 'react';
import type { EventPayload } from '../../../../common/contract/index';

type LivePresence = EventPayload<'livePresence'>;
import type { useVoiceSession } from './use-voice-session';

export type RoomVoice = ReturnType<typeof useVoiceSession> & { roomCode: string; presence: LivePresence | null };

export const RoomVoiceContext = createContext<RoomVoice | null>(null);

/** One user's voice as the room shows it. */
export interface VoiceParticipantState {
  /** Joined voice (the local user) or connected to us in voice (the others). */
  inVoice: boolean;
  speaking: boolean;
  /** The room's microphone state for the user (change_micro_status); null when the room did not say. */
  microphone: 'open' | 'closed' | null;
  /** For the others: `lost` while their connection is rebuilt. */
  connection: 'connecting' | 'connected' | 'lost' | null;
}

/** The room's voice from the nearest RoomVoiceProvider; null outside one. */
export function useRoomVoice(): RoomVoice | null {
  return useContext(RoomVoiceContext);
}

/**
 * Every user of the room keyed by live channel user id: in voice or not, speaking, microphone state.
 * Empty outside a RoomVoiceProvider.
 */
export function useVoiceParticipants(): Record<string, VoiceParticipantState> {
  const voice = useRoomVoice();
  return useMemo(() => (voice ? participantsOf(voice) : {}), [voice]);
}

export function participantsOf(voice: Pick<RoomVoice, 'state' | 'presence'>): Record<string, VoiceParticipantState> {
  const { state, presence } = voice;
  const result: Record<string, VoiceParticipantState> = {};
  for (const user of presence?.users ?? []) {
    result[user.userId] = { inVoice: false, speaking: false, microphone: user.microphone, connection: null };
  }
  for (const remote of state.remote) {
    result[remote.userId] = {
      microphone: result[remote.userId]?.microphone ?? null,
      inVoice: true,
      speaking: remote.speaking,
      connection: remote.connection,
    };
  }
  const selfId = presence?.self?.userId;
  if (selfId) {
    const joined = state.status === 'joined';
    result[selfId] = {
      inVoice: joined,
      speaking: joined && !state.muted && state.speaking,
      microphone: joined ? (state.muted ? 'closed' : 'open') : (result[selfId]?.microphone ?? presence?.self?.microphone ?? null),
      connection: null,
    };
  }
  return result;
}
