import { z } from 'zod';
import { appErrorSchema } from './errors';
import { guestSchema, listingSchema, roomLimitsSchema } from './room';
import { rawStatusSchema } from './room-status';

/**
 * The offline room history as the renderer sees it. Every object here is strict: a field that is
 * not declared (a ticket, a token, a voice signature) is refused rather than carried along.
 */

const epochMs = z.number().int().nonnegative();
const roomCode = z.string().min(1).max(128);
const profileId = z.string().min(1).max(64);

export const strictListingSchema = listingSchema.strict();
export const strictGuestSchema = guestSchema.strict();

export const participantSnapshotSchema = z.strictObject({
  id: z.string().nullable(),
  role: z.string().nullable(),
  status: rawStatusSchema,
  nickname: z.string().nullable(),
});
export type ParticipantSnapshot = z.infer<typeof participantSnapshotSchema>;

export const limitsSnapshotSchema = roomLimitsSchema.strict();

/** What a room-detail fetch showed at one moment. */
export const detailSnapshotSchema = z.strictObject({
  at: epochMs,
  status: rawStatusSchema,
  participants: z.array(participantSnapshotSchema),
  limits: limitsSnapshotSchema,
  voiceId: z.number().nullable(),
  closeTime: z.string().nullable(),
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
  outcome: z.enum(['new', 'loaded', 'migrated', 'quarantined', 'unreadable']),
  roomCount: z.number().int().nonnegative(),
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
