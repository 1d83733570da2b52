import { z } from 'zod';
import { guestSchema, listingSchema, roomCodeSchema as roomCode, roomSummarySchema } from '../room';
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
  items: z.array(z.object({ vrCode: z.string(), name: z.string().nullable(), createTime: z.union([z.string(), z.number()]).nullable() })),
  total: z.number().nullable(),
});

export const roomsContract = {
  createRoom: method(createRoomInputSchema, createdRoomSchema),
  getRoomDetails: method(z.strictObject({ roomCode }), roomSummarySchema),
  issueGuestPass: method(guestPassInputSchema, guestPassSchema),
  listVrs: method(z.strictObject({ page: z.number().int().min(1).max(1000).default(1) }), vrListSchema),
} as const;
