import { z } from 'zod';
import { invalidInput } from './failures';
import { VR_CODE_PATTERN } from '../../common/room-constants';

/** Inputs of the gateway client, checked before anything is sent. */

const userId = z.string().trim().min(1).max(128);
const role = z.string().trim().min(1).max(64);
export const roomCodeSchema = z.string().trim().min(1).max(128);

export const createRoomInputSchema = z.object({
  createUserId: userId,
  createUserRole: role.optional(),
  members: z
    .array(
      z.object({
        userId,
        userRole: role,
        extension: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .max(100)
    .optional(),
  additive: z.record(z.string(), z.unknown()).optional(),
});
export type CreateRoomInput = z.input<typeof createRoomInputSchema>;

export const roomTicketInputSchema = z.object({
  roomCode: roomCodeSchema,
  userId,
  /** Defaults to the profile's host role: the agent joining their own room. */
  userRole: role.optional(),
  extension: z.looseObject({ nickname: z.string().max(64).optional() }).optional(),
});
export type RoomTicketInput = z.input<typeof roomTicketInputSchema>;

export const voiceSignatureInputSchema = z.object({
  roomCode: roomCodeSchema,
  userId,
  userRole: role,
  /**
   * The voice room id, from room details or the live channel's RTC_INFO. Realsee's docs and SDK type
   * it as a string, so a number is sent as its decimal text.
   */
  voiceId: z.union([z.number().int().nonnegative().transform(String), z.string().trim().min(1).max(128)]).optional(),
});
export type VoiceSignatureInput = z.input<typeof voiceSignatureInputSchema>;

/** A published VR's code (18 digits starting with 80) or a current resource code. */
export const vrCodeSchema = z.string().trim().regex(VR_CODE_PATTERN, 'letters, digits, - or _ only, at most 64');

export const vrListPageSchema = z.object({
  page: z.number().int().min(1).max(100_000),
  pageSize: z.number().int().min(1).max(100),
});

export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw invalidInput(what, problems);
}
