import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EventPayload } from '../../../../common/contract/index';

type LivePresence = EventPayload<'livePresence'>;
import { RoomVoiceContext, type RoomVoice } from './room-voice-context';
import { useVoiceSession } from './use-voice-session';
import { defaultVoiceBridge, type AdapterFactory, type VoiceBridge } from './voice-bridge';

export interface RoomVoiceProviderProps {
  roomCode: string;
  /** The app's bridge when absent. */
  bridge?: VoiceBridge;
  /** Replaces the vendor adapters; the app leaves it unset. */
  createAdapter?: AdapterFactory;
  children: ReactNode;
}

/**
 * One voice session for a room, shared by what is inside: the voice panel, the compact VoiceControl,
 * and useVoiceParticipants(). Unmounting it leaves voice.
 */
export function RoomVoiceProvider({ roomCode, bridge, createAdapter, children }: RoomVoiceProviderProps) {
  const voiceBridge = useMemo(() => bridge ?? defaultVoiceBridge(), [bridge]);
  const session = useVoiceSession({ roomCode, bridge: voiceBridge, ...(createAdapter ? { createAdapter } : {}) });
  const [presence, setPresence] = useState<LivePresence | null>(null);

  useEffect(() => {
    return voiceBridge.onLivePresence?.((next) => {
      if (next.roomCode === roomCode) setPresence(next);
    });
  }, [voiceBridge, roomCode]);

  const roomPresence = presence?.roomCode === roomCode ? presence : null;
  const value: RoomVoice = useMemo(() => ({ ...session, roomCode, presence: roomPresence }), [session, roomCode, roomPresence]);
  return <RoomVoiceContext.Provider value={value}>{children}</RoomVoiceContext.Provider>;
}
