import { z } from 'zod';
import { roomCodeSchema } from './room';

/**
 * What crosses the bridge about voice. The join answer carries the voice signature (or, for
 * Amazon Chime, the attendee's join token) because WebRTC runs in the renderer; the renderer
 * keeps it in memory only while joining and never stores, logs or shows it.
 * This module must stay free of Node and DOM APIs: it is bundled into all three processes.
 */

export const voiceVendors = ['trtc', 'chime', 'sandbox'] as const;
export type VoiceVendor = (typeof voiceVendors)[number];

/** Where the vendor choice came from, so the UI and the logs can explain it. */
export const vendorSources = ['sandbox-profile', 'rtc-info', 'room-config', 'default'] as const;
export type VendorSource = (typeof vendorSources)[number];

export const joinVoiceInputSchema = z.strictObject({
  roomCode: roomCodeSchema,
});
export type JoinVoiceInput = z.infer<typeof joinVoiceInputSchema>;

/** The parts of a chime:CreateMeeting answer the Chime SDK needs to connect. Unknown keys are kept. */
export const chimeMeetingSchema = z.looseObject({
  MeetingId: z.string().min(1),
  MediaPlacement: z.looseObject({
    AudioHostUrl: z.string().min(1),
    SignalingUrl: z.string().min(1),
  }),
});
export type ChimeMeeting = z.infer<typeof chimeMeetingSchema>;

/** The parts of a chime:CreateAttendee answer the Chime SDK needs. `JoinToken` is the secret. */
export const chimeAttendeeSchema = z.looseObject({
  AttendeeId: z.string().min(1),
  ExternalUserId: z.string().optional(),
  JoinToken: z.string().min(1),
});
export type ChimeAttendee = z.infer<typeof chimeAttendeeSchema>;

const joinCommon = {
  roomCode: z.string(),
  /** `user_identifier` from the signature answer. */
  userId: z.string().min(1),
  vendorSource: z.enum(vendorSources),
  obtainedAt: z.number(),
  expiresAt: z.number(),
};

/** TRTC's numeric room ids run from 1 to 4294967294. */
export const MAX_TRTC_ROOM_ID = 4_294_967_294;

const numericRoomParams = {
  /** `Number(voice_app_id)`. */
  sdkAppId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** The signature, as the SDK's `userSig`. */
  userSig: z.string().min(1),
  /** `Number(voice_id)`. */
  roomId: z.number().int().min(1).max(MAX_TRTC_ROOM_ID),
};

export const trtcJoinSchema = z.object({ vendor: z.literal('trtc'), ...joinCommon, ...numericRoomParams });
/** The built-in sandbox gets the same parameters as TRTC so the whole flow is exercised. */
export const sandboxJoinSchema = z.object({ vendor: z.literal('sandbox'), ...joinCommon, ...numericRoomParams });
export const chimeJoinSchema = z.object({
  vendor: z.literal('chime'),
  ...joinCommon,
  meeting: chimeMeetingSchema,
  attendee: chimeAttendeeSchema,
});

export const joinVoiceOutputSchema = z.discriminatedUnion('vendor', [trtcJoinSchema, chimeJoinSchema, sandboxJoinSchema]);
export type JoinVoiceOutput = z.infer<typeof joinVoiceOutputSchema>;
export type TrtcJoin = z.infer<typeof trtcJoinSchema>;
export type ChimeJoin = z.infer<typeof chimeJoinSchema>;
export type SandboxJoin = z.infer<typeof sandboxJoinSchema>;
