import type { Result } from '../../../../common/errors';
import type { Guest, Listing } from '../../../../common/room';
import { bridge } from '../../lib/bridge';

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

/** Where the rooms list gets its rows: the offline history store, or this session's rooms. */
export interface RoomListSource {
  /** Changes whenever the data behind the source may have changed. */
  readonly version: string | number;
  query(query: RoomListQuery): Promise<Result<RoomListPage>>;
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
      return { ok: true, value: querySession(rooms, profileId, { text, offset, limit }) };
    },
  };
}

function querySession(rooms: readonly SessionRoom[], profileId: string, { text, offset, limit }: RoomListQuery): RoomListPage {
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
}

/** The profile's rooms from the offline history store, searched and paged in main. */
export function historyRoomSource(profileId: string, version: number): RoomListSource {
  return {
    version: `history:${profileId}:${version}`,
    async query({ text, offset, limit }) {
      const result = await bridge().queryHistory({
        profileId,
        sort: 'newest',
        offset,
        limit,
        ...(text.trim() ? { text: text.trim() } : {}),
      });
      if (!result.ok) return result;
      return {
        ok: true,
        value: {
          total: result.value.total,
          items: result.value.items.map((item) => ({
            roomCode: item.roomCode,
            profileId: item.profileId,
            createdAt: item.createdAt,
            title: item.title,
            address: item.address,
            status: item.status,
            guestCount: item.guestCount,
            lastSyncedAt: item.lastSyncedAt,
          })),
        },
      };
    },
  };
}
