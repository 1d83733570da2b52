import type { Guest, Listing } from '../../../common/room';

/** One row of the rooms list: the same shape as the history store's list items. */
export interface RoomListItem {
  roomCode: string;
  profileId: string;
  createdAt: number;
  title: string | null;
  address: string | null;
  status: number | null;
  guestCount: number;
  lastSyncedAt: number | null;
}

export interface RoomListQuery {
  text: string;
  offset: number;
  limit: number;
}

export interface RoomListPage {
  total: number;
  items: RoomListItem[];
}

/**
 * Where the rooms list gets its rows. Today: rooms created in this session. Later: the offline
 * history store behind a paged bridge query; the list component does not change.
 */
export interface RoomListSource {
  /** Changes whenever the data behind the source may have changed. */
  readonly version: string | number;
  query(query: RoomListQuery): Promise<RoomListPage>;
}

/** What the session keeps about a room it created. */
export interface SessionRoom {
  profileId: string;
  roomCode: string;
  roomLink: string;
  createdAt: number;
  listing: Listing;
  guests: Guest[];
  status: number | null;
  lastSyncedAt: number | null;
}

export function matchesText(room: SessionRoom, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  return [room.roomCode, room.listing.title, room.listing.address].some((value) => value?.toLowerCase().includes(needle));
}

export function sessionRoomSource(rooms: readonly SessionRoom[], profileId: string, version: number): RoomListSource {
  return {
    version: `${profileId}:${version}`,
    async query({ text, offset, limit }) {
      const matching = rooms
        .filter((room) => room.profileId === profileId && matchesText(room, text))
        .sort((a, b) => b.createdAt - a.createdAt);
      return {
        total: matching.length,
        items: matching.slice(offset, offset + limit).map((room) => ({
          roomCode: room.roomCode,
          profileId: room.profileId,
          createdAt: room.createdAt,
          title: room.listing.title || null,
          address: room.listing.address || null,
          status: room.status,
          guestCount: room.guests.length,
          lastSyncedAt: room.lastSyncedAt,
        })),
      };
    },
  };
}
