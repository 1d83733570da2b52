import { z } from 'zod';
import {
  historyExportOptionsSchema,
  historyPageSchema,
  historyQuerySchema,
  historyRoomSchema,
  historyStartupReportSchema,
  historyStateSchema,
  historyStatsSchema,
  timelineEntrySchema,
} from '../history';
import { roomCodeSchema as roomCode } from '../room';
import { method, noInput } from './method';

export const historyStatusSchema = z.object({
  /** What happened to the history file at startup, when it could not be used as it was. */
  startupReport: historyStartupReportSchema.nullable(),
  stats: historyStatsSchema,
  /** 'loading' while the history is read after a start (stats are empty until then), and the last failed save. */
  state: historyStateSchema,
});

/** A room in the history: the code, and the profile when two profiles may have the same code. */
const historyRoomInput = z.strictObject({ roomCode, profileId: z.string().min(1).max(64).optional() });

export const historyRoomViewSchema = z.object({
  room: historyRoomSchema,
  timeline: z.array(timelineEntrySchema),
  /** The zone of the room's profile, in which its saved Realsee time texts are read. */
  timeZone: z.string(),
});

export const exportResultSchema = z.object({
  /** False when the agent cancelled the save dialog. */
  saved: z.boolean(),
  path: z.string().nullable(),
  rooms: z.number().int().nonnegative(),
});

export const historyContract = {
  getHistoryStatus: method(noInput, historyStatusSchema),
  queryHistory: method(historyQuerySchema, historyPageSchema),
  getHistoryRoom: method(historyRoomInput, historyRoomViewSchema),
  updateRoomNotes: method(historyRoomInput.extend({ notes: z.string().max(5000) }), historyRoomSchema),
  exportHistory: method(historyExportOptionsSchema, exportResultSchema),
  deleteHistoryRoom: method(historyRoomInput, z.object({ deleted: z.literal(true) })),
  clearHistory: method(z.strictObject({ confirm: z.literal(true) }), z.object({ cleared: z.literal(true) })),
} as const;

export const historyEvents = {
  /** The history finished loading, or a save failed (or works again). */
  historyState: historyStateSchema,
} as const;
