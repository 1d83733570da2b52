import { useCallback, useEffect, useState } from 'react';
import { useRoomPresence, type RoomPresence } from '../../lib/use-room-presence';
import type { GuestPass } from './GuestPassDialog';
import { matchPresence, presenceSnapshot, trackPass, withIssued, type TrackedPass } from './pass-tracker';

/** The passes issued per room while this window is open, so leaving the room page and coming back keeps them. They hold no link or ticket. */
const remembered = new Map<string, TrackedPass[]>();

/** The room's guest passes, matched with who is in the room as the live channel reports it. */
export function useTrackedPasses(roomCode: string) {
  const [passes, setPasses] = useState<TrackedPass[]>(() => remembered.get(roomCode) ?? []);
  useEffect(() => {
    remembered.set(roomCode, passes);
  }, [roomCode, passes]);

  const onPresence = useCallback(
    (next: RoomPresence) => setPasses((current) => matchPresence(current, presenceSnapshot(next), next.updatedAt)),
    [],
  );
  const presence = useRoomPresence(roomCode, onPresence);
  const snapshot = presence ? presenceSnapshot(presence) : null;
  const issued = (pass: GuestPass) =>
    setPasses((current) => withIssued(current, trackPass(pass.guest, pass.obtainedAt, pass.expiresAt, snapshot)));
  return { passes, presence: snapshot, issued };
}
