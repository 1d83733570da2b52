import type { HistoryRoom } from '../../common/history';
import { CURRENT_HISTORY_VERSION } from './file-format';
import { toCsv, type CsvCell } from './csv';

const CSV_HEADER = [
  'room_code',
  'profile_id',
  'created_at',
  'title',
  'address',
  'vr',
  'notes',
  'room_link',
  'creator_user_id',
  'status',
  'participants',
  'guests',
  'close_time',
  'snapshots',
  'last_synced_at',
] as const;

export function exportRoomsAsCsv(rooms: readonly HistoryRoom[]): string {
  return toCsv(CSV_HEADER, rooms.map(toCsvRow));
}

export function exportRoomsAsJson(rooms: readonly HistoryRoom[], exportedAt: number): string {
  return `${JSON.stringify({ version: CURRENT_HISTORY_VERSION, exportedAt: isoTime(exportedAt), rooms }, null, 2)}\n`;
}

function toCsvRow(room: HistoryRoom): CsvCell[] {
  const latest = room.snapshots.at(-1);
  return [
    room.roomCode,
    room.profileId,
    isoTime(room.createdAt),
    room.listing.title ?? null,
    room.listing.address ?? null,
    room.listing.vr ?? null,
    room.listing.notes ?? null,
    room.roomLink,
    room.creatorUserId,
    latest?.status ?? null,
    latest?.participants.length ?? null,
    room.guests.map((guest) => `${guest.nickname ?? guest.userId} (${guest.userId}, ${guest.role})`).join('; '),
    latest?.closeTime ?? null,
    room.snapshots.length,
    room.lastSyncedAt === null ? null : isoTime(room.lastSyncedAt),
  ];
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
