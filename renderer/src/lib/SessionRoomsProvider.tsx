import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Guest, Listing } from '../../../common/room';
import type { RawStatus } from '../../../common/room-status';

/** What the app keeps in memory about a room it created, until the history store has it. */
export interface SessionRoom {
  profileId: string;
  roomCode: string;
  roomLink: string;
  createdAt: number;
  listing: Listing;
  guests: Guest[];
  status: RawStatus;
  /** Known to be closed (a close time was seen); the status number alone never says so. */
  closed?: boolean;
  lastSyncedAt: number | null;
}

interface SessionRoomsValue {
  rooms: readonly SessionRoom[];
  /** Bumped on every change, so list sources know to query again. */
  version: number;
  add(room: SessionRoom): void;
  find(profileId: string, roomCode: string): SessionRoom | undefined;
  recordStatus(roomCode: string, status: RawStatus, at: number, closed: boolean): void;
}

const SessionRoomsContext = createContext<SessionRoomsValue | null>(null);

/**
 * Rooms created since the app started, kept in memory: the room page shows a new room's listing and
 * guests from here at once, and the rooms list re-queries the history store when `version` changes.
 */
export function SessionRoomsProvider({ children }: { children: ReactNode }) {
  const [rooms, setRooms] = useState<SessionRoom[]>([]);
  const [version, setVersion] = useState(0);

  const add = useCallback((room: SessionRoom) => {
    setRooms((current) => [room, ...current.filter((other) => other.roomCode !== room.roomCode || other.profileId !== room.profileId)]);
    setVersion((n) => n + 1);
  }, []);

  const recordStatus = useCallback((roomCode: string, status: RawStatus, at: number, closed: boolean) => {
    setRooms((current) => current.map((room) => (room.roomCode === roomCode ? { ...room, status, closed, lastSyncedAt: at } : room)));
    setVersion((n) => n + 1);
  }, []);

  const value = useMemo<SessionRoomsValue>(
    () => ({
      rooms,
      version,
      add,
      recordStatus,
      find: (profileId, roomCode) => rooms.find((room) => room.profileId === profileId && room.roomCode === roomCode),
    }),
    [rooms, version, add, recordStatus],
  );
  return <SessionRoomsContext.Provider value={value}>{children}</SessionRoomsContext.Provider>;
}

export function useSessionRooms(): SessionRoomsValue {
  const value = useContext(SessionRoomsContext);
  if (!value) throw new Error('useSessionRooms must be used inside <SessionRoomsProvider>');
  return value;
}
