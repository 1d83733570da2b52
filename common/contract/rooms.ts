import { z } from 'zod';
import { guestSchema, listingSchema, roomCodeSchema as roomCode, roomSummarySchema } from '../room';
import { VR_CODE_PATTERN } from '../room-constants';
import { method } from './method';

export const createRoomInputSchema = z.strictObject({
  guests: z.array(guestSchema).max(50).default([]),
  listing: listingSchema.default({}),
});

export const createdRoomSchema = z.object({
  roomCode: z.string(),
  roomLink: z.string(),
  createdAt: z.number(),
});

export const guestPassInputSchema = z.strictObject({ roomCode, guest: guestSchema });
/** A guest invitation: the agent sends this link to one guest, so it must carry the ticket. */
export const guestPassSchema = z.object({
  roomCode: z.string(),
  guest: guestSchema,
  inviteUrl: z.string(),
  obtainedAt: z.number(),
  expiresAt: z.number(),
});

export const vrListSchema = z.object({
  items: z.array(
    z.object({
      vrCode: z.string(),
      name: z.string().nullable(),
      createTime: z.union([z.string(), z.number()]).nullable(),
      coverUrl: z.string().nullable(),
    }),
  ),
  total: z.number().nullable(),
});

const vrCode = z.string().trim().regex(VR_CODE_PATTERN, 'A VR code has letters, digits, - or _ only.');

/**
 * A VR's Work for the tour's renderer: `work` is the gateway's Work exactly as sent (Five checks a
 * signed Work over every key), beside the few fields the app reads of it.
 */
export const vrWorkSchema = z.object({
  vrCode: z.string(),
  name: z.string().nullable(),
  coverUrl: z.string().nullable(),
  panoramaCount: z.number().int().nonnegative(),
  baseUrl: z.string().nullable(),
  allowHosts: z.array(z.string()),
  /** Signed Works render only on their allowed hosts, localhost, an IP address or file:// pages. */
  signed: z.boolean(),
  /** http(s) origins the Work loads resources from. */
  resourceOrigins: z.array(z.string()),
  /** Which endpoint answered: `current` (/open/v3/vr/info) or `legacy` (/open/v1/entity/vr). */
  source: z.enum(['current', 'legacy']),
  work: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
});

export const roomsContract = {
  createRoom: method(createRoomInputSchema, createdRoomSchema),
  getRoomDetails: method(z.strictObject({ roomCode }), roomSummarySchema),
  issueGuestPass: method(guestPassInputSchema, guestPassSchema),
  listVrs: method(z.strictObject({ page: z.number().int().min(1).max(1000).default(1) }), vrListSchema),
  /** The Work of a VR for the tour: the current endpoint first, the legacy one when that path is missing. */
  getVrWork: method(z.strictObject({ vrCode }), vrWorkSchema),
} as const;
