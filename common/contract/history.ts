import { z } from 'zod';
import {
  historyExportOptionsSchema,
  historyPageSchema,
  historyQuerySchema,
  historyRoomSchema,
  historyStartupReportSchema,
  historyStatsSchema,
  timelineEntrySchema,
} from '../history';
import { roomCodeSchema as roomCode } from '../room';
import { method, noInput } from './method';

export const historyStatusSchema = z.object({
  /** What happened to the history file at startup, when it could not be used as it was. */
  startupReport: historyStartupReportSchema.nullable(),
  stats: historyStatsSchema,
});

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
  getHistoryRoom: method(z.strictObject({ roomCode }), historyRoomViewSchema),
  updateRoomNotes: method(z.strictObject({ roomCode, notes: z.string().max(5000) }), historyRoomSchema),
  exportHistory: method(historyExportOptionsSchema, exportResultSchema),
  deleteHistoryRoom: method(z.strictObject({ roomCode }), z.object({ deleted: z.literal(true) })),
  clearHistory: method(z.strictObject({ confirm: z.literal(true) }), z.object({ cleared: z.literal(true) })),
} as const;
