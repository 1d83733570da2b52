import { z } from 'zod';
import { detailSnapshotSchema, historyRoomSchema, strictGuestSchema, type HistoryRoom } from '../../common/history';
import { stripTicketFromLink } from './link-scrub';

/**
 * The history file is `{ version, rooms }`. The room shape of the current version is the one the
 * renderer sees (`historyRoomSchema`); changing that schema means a new version and a migration.
 */
export const CURRENT_HISTORY_VERSION = 2;

export const historyFileV2Schema = z.strictObject({
  version: z.literal(2),
  rooms: z.array(historyRoomSchema),
});
export type HistoryFileV2 = z.infer<typeof historyFileV2Schema>;

/** Version 1 kept notes beside the listing and had no event timeline. */
const roomV1Schema = z.strictObject({
  profileId: z.string().min(1).max(64),
  roomCode: z.string().min(1).max(128),
  roomLink: z.string().max(2000),
  creatorUserId: z.string().nullable(),
  createdAt: z.number().int().nonnegative(),
  notes: z.string().max(5000).optional(),
  listing: z.strictObject({
    title: z.string().max(200).optional(),
    address: z.string().max(300).optional(),
    vr: z.string().max(500).optional(),
  }),
  guests: z.array(strictGuestSchema),
  snapshots: z.array(detailSnapshotSchema),
  lastSyncedAt: z.number().int().nonnegative().nullable(),
});
export const historyFileV1Schema = z.strictObject({
  version: z.literal(1),
  rooms: z.array(roomV1Schema),
});
export type HistoryFileV1 = z.infer<typeof historyFileV1Schema>;

export function migrateV1ToV2(file: HistoryFileV1): HistoryFileV2 {
  return {
    version: 2,
    rooms: file.rooms.map(({ notes, listing, ...room }): HistoryRoom => ({
      ...room,
      roomLink: stripTicketFromLink(room.roomLink),
      listing: notes === undefined ? listing : { ...listing, notes },
      timeline: [{ type: 'created', at: room.createdAt }],
    })),
  };
}

export type ParsedHistoryFile = { ok: true; file: HistoryFileV2; fromVersion: number } | { ok: false; reason: string };

/** Validates a parsed file of any known version and brings it to the current one. */
export function upgradeHistoryFile(data: unknown): ParsedHistoryFile {
  const version = readVersion(data);
  if (version === undefined) return { ok: false, reason: 'it has no version number' };
  if (version > CURRENT_HISTORY_VERSION) {
    return { ok: false, reason: `it was written by a newer Roomdesk (history version ${version})` };
  }
  if (version === 2) {
    const parsed = historyFileV2Schema.safeParse(data);
    return parsed.success ? { ok: true, file: parsed.data, fromVersion: 2 } : { ok: false, reason: describeIssues(parsed.error) };
  }
  if (version === 1) {
    const parsed = historyFileV1Schema.safeParse(data);
    return parsed.success
      ? { ok: true, file: migrateV1ToV2(parsed.data), fromVersion: 1 }
      : { ok: false, reason: describeIssues(parsed.error) };
  }
  return { ok: false, reason: `history version ${version} is not one Roomdesk ever wrote` };
}

function readVersion(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const version = (data as { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/** Paths and messages only: values from the file are never quoted (they may be personal data). */
function describeIssues(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` and ${error.issues.length - 3} more` : '';
  return `it does not match the history format (${first.join('; ')}${more})`;
}
