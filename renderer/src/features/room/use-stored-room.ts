import { useEffect, useState } from 'react';
import type { Guest, Listing } from '../../../../common/room';
import { roomBridge } from './room-bridge';

export interface StoredRoom {
  listing: Listing;
  guests: Guest[];
}

/**
 * The listing and guests kept with a room. Rooms created in this window are known at once;
 * others (earlier sessions) come from the offline history. Unknown rooms simply have none.
 */
export function useStoredRoom(roomCode: string, fromSession: StoredRoom | undefined): StoredRoom | null {
  const [fromHistory, setFromHistory] = useState<StoredRoom | null>(null);
  useEffect(() => {
    if (fromSession) return;
    let current = true;
    void roomBridge()
      .getHistoryRoom({ roomCode })
      .then((result) => {
        if (current && result.ok) setFromHistory({ listing: result.value.room.listing, guests: result.value.room.guests });
      });
    return () => {
      current = false;
    };
  }, [roomCode, fromSession]);
  return fromSession ?? fromHistory;
}
