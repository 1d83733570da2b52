import { z } from 'zod';
import { rawStatusSchema } from './room-status';
import { ROOM_CODE_PATTERN } from './room-constants';

/** A room code the agent typed or the renderer passes on: trimmed, then checked against the pattern. */
export const roomCodeSchema = z.string().trim().regex(ROOM_CODE_PATTERN, 'A room code has letters, digits, - or _ only.');

/**
 * The app's own view of a viewing room, built in main from Realsee's room-detail answer.
 * Everything Realsee may leave out or null is nullable here; unknown status values stay raw.
 */
export const participantSchema = z.object({
  userId: z.string().nullable(),
  role: z.string().nullable(),
  /** Realsee's raw status: 0 normal, 1 removed, 2 replaced; others shown raw (common/room-status.ts). */
  status: rawStatusSchema,
  nickname: z.string().nullable(),
  avatar: z.string().nullable(),
  /** Realsee's raw time text (no zone in it); read it with the summary's `timeZone`. */
  joinedAt: z.string().nullable(),
});
export type Participant = z.infer<typeof participantSchema>;

export const roomLimitsSchema = z.object({
  maxUserCount: z.number().nullable(),
  /** Longest a room may run, as Realsee gives it (seconds in examples). */
  maxUsingTime: z.number().nullable(),
  /** How long a ticket stays valid, seconds. */
  ticketValidateTime: z.number().nullable(),
  keepAliveTime: z.number().nullable(),
  allowDynamicEnter: z.boolean().nullable(),
  autoDestroy: z.boolean().nullable(),
});
export type RoomLimits = z.infer<typeof roomLimitsSchema>;

export const roomSummarySchema = z.object({
  roomCode: z.string(),
  roomLink: z.string(),
  /** Realsee's raw status; its values are not documented, so it is shown as it came. */
  status: rawStatusSchema,
  createTime: z.string().nullable(),
  modifyTime: z.string().nullable(),
  closeTime: z.string().nullable(),
  creator: z.object({
    userId: z.string().nullable(),
    nickname: z.string().nullable(),
    avatar: z.string().nullable(),
  }),
  voiceId: z.number().nullable(),
  participants: z.array(participantSchema),
  limits: roomLimitsSchema,
  /** Hosts the room's VR may load from (navigation allow-list for the viewer). */
  vrAllowHosts: z.array(z.string()),
  /** When main received this answer, ms since epoch. */
  fetchedAt: z.number(),
  /** The IANA zone the time texts above are read in: the profile's (see common/realsee-time.ts). */
  timeZone: z.string(),
});
export type RoomSummary = z.infer<typeof roomSummarySchema>;

export const guestSchema = z.object({
  userId: z.string().min(1).max(128),
  role: z.string().min(1).max(64),
  nickname: z.string().max(64).optional(),
});
export type Guest = z.infer<typeof guestSchema>;

/** What the agent types about the home being shown; kept with the room in history. */
export const listingSchema = z.object({
  title: z.string().max(200).optional(),
  address: z.string().max(300).optional(),
  /** A Realsee VR link or an 18-character vr_code starting with 80. */
  vr: z.string().max(500).optional(),
  notes: z.string().max(5000).optional(),
});
export type Listing = z.infer<typeof listingSchema>;
