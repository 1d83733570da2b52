import type { z } from 'zod';
import {
  chimeAttendeeSchema,
  chimeMeetingSchema,
  MAX_TRTC_ROOM_ID,
  type ChimeAttendee,
  type ChimeMeeting,
  type JoinVoiceOutput,
  type VendorSource,
  type VoiceVendor,
} from '../../common/voice';
import { voiceProtocolError } from './voice-error';

/** What main obtained from "Get voice room signature", plus when. */
export interface FetchedVoiceSignature {
  voiceAppId: string;
  userIdentifier: string;
  sign: string;
  obtainedAt: number;
  expiresAt: number;
}

const decimalDigits = /^[0-9]+$/;

/** `sdkAppId = Number(voice_app_id)`: a positive safe integer, written in decimal digits. */
export function toSdkAppId(voiceAppId: string | number): number {
  const value = numberFromDecimal(voiceAppId);
  if (value === null || value < 1 || !Number.isSafeInteger(value)) {
    throw voiceProtocolError(`The voice app id from the gateway is not a positive whole number (got "${clip(voiceAppId)}").`);
  }
  return value;
}

/** Room id = `Number(voice_id)`: TRTC's numeric rooms run from 1 to 4294967294. */
export function toRoomId(voiceId: string | number): number {
  const value = numberFromDecimal(voiceId);
  if (value === null || !Number.isInteger(value) || value < 1 || value > MAX_TRTC_ROOM_ID) {
    throw voiceProtocolError(
      `The room's voice room number is not a whole number from 1 to ${MAX_TRTC_ROOM_ID} (got "${clip(voiceId)}").`,
    );
  }
  return value;
}

/**
 * For Amazon Chime the signature is URL-encoded JSON holding the meeting and the attendee, either
 * as `{ Meeting, Attendee }` or as the raw `{ meeting: { Meeting }, attendee: { Attendee } }`
 * answers of CreateMeeting and CreateAttendee. Errors name fields only, never the signature.
 */
export function decodeChimeSign(sign: string): { meeting: ChimeMeeting; attendee: ChimeAttendee } {
  let text: string;
  try {
    text = decodeURIComponent(sign);
  } catch {
    throw voiceProtocolError('The Amazon Chime voice signature is not valid URL encoding.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the input, so it is dropped on purpose.
    throw voiceProtocolError('The Amazon Chime voice signature is not JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw voiceProtocolError('The Amazon Chime voice signature is not a JSON object.');
  }
  const record = parsed as Record<string, unknown>;
  const meeting = chimeMeetingSchema.safeParse(unwrap(record.Meeting ?? record.meeting, 'Meeting'));
  const attendee = chimeAttendeeSchema.safeParse(unwrap(record.Attendee ?? record.attendee, 'Attendee'));
  const missing = [...issuePaths('Meeting', meeting.error), ...issuePaths('Attendee', attendee.error)];
  if (!meeting.success || !attendee.success) {
    throw voiceProtocolError(`The Amazon Chime voice signature lacks ${missing.join(', ')}.`);
  }
  return { meeting: meeting.data, attendee: attendee.data };
}

/** Maps a fetched signature to what the renderer's voice adapter joins with. */
export function toJoinParams(input: {
  roomCode: string;
  vendor: VoiceVendor;
  vendorSource: VendorSource;
  voiceId: string | number | null;
  signature: FetchedVoiceSignature;
}): JoinVoiceOutput {
  const { signature } = input;
  const common = {
    roomCode: input.roomCode,
    userId: requireUserId(signature.userIdentifier),
    vendorSource: input.vendorSource,
    obtainedAt: signature.obtainedAt,
    expiresAt: signature.expiresAt,
  };
  if (input.vendor === 'chime') return { vendor: 'chime', ...common, ...decodeChimeSign(signature.sign) };
  if (input.voiceId === null) {
    throw voiceProtocolError("The room's details name no voice room number (voice_id).");
  }
  if (signature.sign.length === 0) throw voiceProtocolError('The voice signature from the gateway is empty.');
  return {
    vendor: input.vendor,
    ...common,
    sdkAppId: toSdkAppId(signature.voiceAppId),
    userSig: signature.sign,
    roomId: toRoomId(input.voiceId),
  };
}

function requireUserId(userIdentifier: string): string {
  if (userIdentifier.trim().length === 0) throw voiceProtocolError('The voice signature answer names no user.');
  return userIdentifier;
}

function numberFromDecimal(raw: string | number): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const text = raw.trim();
  return decimalDigits.test(text) ? Number(text) : null;
}

/** Voice app ids and room numbers are not secret, but a garbage answer should not flood the UI. */
function clip(value: string | number): string {
  const text = String(value);
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/** `{ Meeting: {...} }` (a CreateMeeting answer) and the bare meeting are both accepted. */
function unwrap(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null && key in value) return (value as Record<string, unknown>)[key];
  return value;
}

function issuePaths(root: string, error: z.ZodError | undefined): string[] {
  if (!error) return [];
  return [...new Set(error.issues.map((issue) => [root, ...issue.path.map(String)].join('.')))];
}
