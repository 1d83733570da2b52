import { z } from 'zod';
import { appErrorSchema } from './errors';
import { guestSchema, listingSchema, roomLimitsSchema } from './room';
import { ROOM_CODE_PATTERN } from './room-constants';
import { rawStatusSchema } from './room-status';

/**
 * The offline room history as the renderer sees it. Every object here is strict: a field that is
 * not declared (a ticket, a token, a voice signature) is refused rather than carried along.
 */

const epochMs = z.number().int().nonnegative();
/**
 * Room codes are stored only in this spelling: no path characters, spaces, line breaks or
 * separators, so every stored record can be opened and deleted again (same rule as the bridge).
 */
export const historyRoomCodeSchema = z.string().regex(ROOM_CODE_PATTERN, 'A room code has letters, digits, - or _ only.');
const roomCode = historyRoomCodeSchema;
const profileId = z.string().min(1).max(64);

/** Caps on what one detail snapshot keeps: a hostile or broken answer cannot grow a record without bound. */
export const SNAPSHOT_TEXT_MAX = 256;
export const SNAPSHOT_PARTICIPANTS_MAX = 200;
const snapshotText = z.string().max(SNAPSHOT_TEXT_MAX).nullable();

export const strictListingSchema = listingSchema.strict();
export const strictGuestSchema = guestSchema.strict();

export const participantSnapshotSchema = z.strictObject({
  id: snapshotText,
  role: snapshotText,
  status: rawStatusSchema,
  nickname: snapshotText,
});
export type ParticipantSnapshot = z.infer<typeof participantSnapshotSchema>;

export const limitsSnapshotSchema = roomLimitsSchema.strict();

/** What a room-detail fetch showed at one moment. */
export const detailSnapshotSchema = z.strictObject({
  at: epochMs,
  status: rawStatusSchema,
  participants: z.array(participantSnapshotSchema).max(SNAPSHOT_PARTICIPANTS_MAX),
  limits: limitsSnapshotSchema,
  voiceId: z.number().nullable(),
  closeTime: snapshotText,
});
export type DetailSnapshot = z.infer<typeof detailSnapshotSchema>;

const userId = z.string().min(1).max(128);
const role = z.string().min(1).max(64);

/** Events the app records. A guest pass keeps who, for which role and until when — never the ticket. */
export const recordedEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('created'), at: epochMs }),
  z.strictObject({ type: z.literal('joined-as-host'), at: epochMs, userId }),
  z.strictObject({
    type: z.literal('guest-pass-issued'),
    at: epochMs,
    userId,
    role,
    nickname: z.string().max(64).optional(),
    expiresAt: epochMs,
  }),
  z.strictObject({ type: z.literal('voice-joined'), at: epochMs, userId }),
  z.strictObject({ type: z.literal('voice-left'), at: epochMs, userId }),
  z.strictObject({ type: z.literal('room-closed'), at: epochMs }),
  z.strictObject({ type: z.literal('note-edited'), at: epochMs, length: z.number().int().nonnegative() }),
]);
export type RecordedEvent = z.infer<typeof recordedEventSchema>;
export type RecordedEventType = RecordedEvent['type'];

/** What a caller passes to record an event: the time is optional and defaults to now. */
export const recordEventInputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('joined-as-host'), at: epochMs.optional(), userId }),
  z.strictObject({
    type: z.literal('guest-pass-issued'),
    at: epochMs.optional(),
    userId,
    role,
    nickname: z.string().max(64).optional(),
    expiresAt: epochMs,
  }),
  z.strictObject({ type: z.literal('voice-joined'), at: epochMs.optional(), userId }),
  z.strictObject({ type: z.literal('voice-left'), at: epochMs.optional(), userId }),
  z.strictObject({ type: z.literal('room-closed'), at: epochMs.optional() }),
]);
export type RecordEventInput = z.infer<typeof recordEventInputSchema>;

/**
 * One line of a room's timeline: the recorded events plus one `details-refreshed` line per kept
 * detail snapshot (derived from the snapshots, not stored twice).
 */
export const timelineEntrySchema = z.union([
  recordedEventSchema,
  z.strictObject({
    type: z.literal('details-refreshed'),
    at: epochMs,
    status: rawStatusSchema,
    /** Participants present at that moment (removed or replaced users are not counted). */
    participantCount: z.number().int().nonnegative(),
  }),
]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** A room as kept in history. `roomLink` never carries a `ticket` or `force` parameter. */
export const historyRoomSchema = z.strictObject({
  profileId,
  roomCode,
  roomLink: z.string().max(2000),
  creatorUserId: z.string().nullable(),
  createdAt: epochMs,
  listing: strictListingSchema,
  guests: z.array(strictGuestSchema),
  snapshots: z.array(detailSnapshotSchema),
  timeline: z.array(recordedEventSchema),
  /** When details were last fetched: what the history shows "as of". */
  lastSyncedAt: epochMs.nullable(),
});
export type HistoryRoom = z.infer<typeof historyRoomSchema>;

/** One row of the history list. */
export const historyListItemSchema = z.strictObject({
  roomCode,
  profileId,
  createdAt: epochMs,
  title: z.string().nullable(),
  address: z.string().nullable(),
  status: rawStatusSchema,
  guestCount: z.number().int().nonnegative(),
  /** Participants present at the last snapshot (removed or replaced users are not counted). */
  participantCount: z.number().int().nonnegative(),
  closeTime: z.string().nullable(),
  lastSyncedAt: epochMs.nullable(),
});
export type HistoryListItem = z.infer<typeof historyListItemSchema>;

export const historyQuerySchema = z.strictObject({
  /** Matches room code, listing title/address/notes, guest ids/nicknames; case-insensitive. */
  text: z.string().max(200).optional(),
  /** Latest known status; `null` asks for rooms whose status was never fetched. */
  status: z.number().int().nullable().optional(),
  /** Creation time range, inclusive, ms since epoch. */
  from: epochMs.optional(),
  to: epochMs.optional(),
  profileId: profileId.optional(),
  sort: z.enum(['newest', 'oldest']),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(500),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export const historyPageSchema = z.strictObject({
  total: z.number().int().nonnegative(),
  items: z.array(historyListItemSchema),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const exportFormats = ['csv', 'json'] as const;
export const historyExportOptionsSchema = z.strictObject({
  /** Rooms to export; all rooms when absent. */
  codes: z.array(roomCode).max(100_000).optional(),
  format: z.enum(exportFormats),
});
export type HistoryExportOptions = z.infer<typeof historyExportOptionsSchema>;

export const historyStatsSchema = z.strictObject({
  rooms: z.number().int().nonnegative(),
  snapshots: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  fileBytes: z.number().int().nonnegative(),
  oldestCreatedAt: epochMs.nullable(),
  newestCreatedAt: epochMs.nullable(),
  lastWrittenAt: epochMs.nullable(),
});
export type HistoryStats = z.infer<typeof historyStatsSchema>;

/** What happened when the history file was opened at startup. */
export const historyStartupReportSchema = z.strictObject({
  /** 'set-aside': the history loaded, but some records could not be read and were moved aside. */
  outcome: z.enum(['new', 'loaded', 'migrated', 'quarantined', 'unreadable', 'set-aside']),
  roomCount: z.number().int().nonnegative(),
  /** How many unreadable records were moved to `movedTo` (the rest of the history is kept). */
  setAsideCount: z.number().int().nonnegative().optional(),
  /** Set when the file could not be used as it was. */
  problem: appErrorSchema.optional(),
  /** Where an unreadable file was moved to; it is kept, never deleted. */
  movedTo: z.string().optional(),
  /** Copy of the file taken before a migration rewrote it. */
  backupPath: z.string().optional(),
  migratedFrom: z.number().int().optional(),
  /** False when the file could neither be read nor moved aside: writing would destroy it. */
  writable: z.boolean(),
});
export type HistoryStartupReport = z.infer<typeof historyStartupReportSchema>;

/** A save that failed: the agent is told, the change is kept in memory and retried with the next write. */
export const historySaveProblemSchema = z.strictObject({
  at: epochMs,
  roomCode: z.string().nullable(),
  error: appErrorSchema,
});
export type HistorySaveProblem = z.infer<typeof historySaveProblemSchema>;

/** 'loading' until the history has been read after a start; bridge calls wait for 'ready'. */
export const historyLoadStates = ['loading', 'ready'] as const;
export const historyStateSchema = z.strictObject({
  load: z.enum(historyLoadStates),
  saveProblem: historySaveProblemSchema.nullable(),
});
export type HistoryState = z.infer<typeof historyStateSchema>;
