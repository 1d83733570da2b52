import type { Result } from '../../../../common/errors';
import { isRoomClosed, type RawStatus } from '../../../../common/room-status';
import { roomsBridge } from './rooms-bridge';

/** One row of the rooms list: the same shape as the history store's list items. */
export interface RoomListItem {
  roomCode: string;
  profileId: string;
  createdAt: number;
  title: string | null;
  address: string | null;
  status: RawStatus;
  /** Known to be closed (a close time was seen); the status number alone never says so. */
  closed: boolean;
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

/** The profile's rooms from the offline history store, searched and paged in main. */
export function historyRoomSource(profileId: string, version: number): RoomListSource {
  return {
    version: `history:${profileId}:${version}`,
    async query({ text, offset, limit }) {
      const result = await roomsBridge().queryHistory({
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
            closed: isRoomClosed({ closeTime: item.closeTime }),
            guestCount: item.guestCount,
            lastSyncedAt: item.lastSyncedAt,
          })),
        },
      };
    },
  };
}
