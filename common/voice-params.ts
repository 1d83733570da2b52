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
} from './voice';

/**
 * Decoders of a voice signature answer into the voice SDKs' join parameters, shared by main (the
 * agent's own join) and the guest page (the signature main fetched for that guest). Free of Node and
 * DOM APIs. A bad answer throws `VoiceParamsError`, whose message names fields only, never the signature.
 */
export class VoiceParamsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VoiceParamsError';
  }
}

function paramsError(problem: string): VoiceParamsError {
  return new VoiceParamsError(problem);
}

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
    throw paramsError(`The voice app id from the gateway is not a positive whole number (got "${clip(voiceAppId)}").`);
  }
  return value;
}

/** Room id = `Number(voice_id)`: TRTC's numeric rooms run from 1 to 4294967294. */
export function toRoomId(voiceId: string | number): number {
  const value = numberFromDecimal(voiceId);
  if (value === null || !Number.isInteger(value) || value < 1 || value > MAX_TRTC_ROOM_ID) {
    throw paramsError(`The room's voice room number is not a whole number from 1 to ${MAX_TRTC_ROOM_ID} (got "${clip(voiceId)}").`);
  }
  return value;
}

/**
 * For Amazon Chime the signature is URL-encoded JSON. Realsee's documented shape is
 * `{ attendence: { external_user_id, attendee_id, join_token }, vendor_wrapper: { MeetingId,
 * MediaPlacement }, config, expire_time, … }` (sic: "attendence"); `{ Meeting, Attendee }` and the raw
 * `{ meeting: { Meeting }, attendee: { Attendee } }` answers of CreateMeeting / CreateAttendee are
 * read too. Key casing and underscores do not matter; unknown keys are kept. Errors name fields
 * only, never the signature.
 */
export function decodeChimeSign(sign: string): DecodedChimeSign {
  let text: string;
  try {
    text = decodeURIComponent(sign);
  } catch {
    throw paramsError('The Amazon Chime voice signature is not valid URL encoding.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the input, so it is dropped on purpose.
    throw paramsError('The Amazon Chime voice signature is not JSON.');
  }
  if (!isRecord(parsed)) throw paramsError('The Amazon Chime voice signature is not a JSON object.');
  const meeting = chimeMeetingSchema.safeParse(canonicalMeeting(unwrap(pick(parsed, 'vendor_wrapper', 'meeting'), 'meeting')));
  const attendee = chimeAttendeeSchema.safeParse(
    canonicalAttendee(unwrap(pick(parsed, 'attendence', 'attendance', 'attendee'), 'attendee')),
  );
  const missing = [...issuePaths('Meeting', meeting.error), ...issuePaths('Attendee', attendee.error)];
  if (!meeting.success || !attendee.success) {
    throw paramsError(`The Amazon Chime voice signature lacks ${missing.join(', ')}.`);
  }
  const expiresAt = expiryFromExpireTime(pick(parsed, 'expire_time'));
  return { meeting: meeting.data, attendee: attendee.data, ...(expiresAt !== null ? { expiresAt } : {}) };
}

export interface DecodedChimeSign {
  meeting: ChimeMeeting;
  attendee: ChimeAttendee;
  /** From the sign's `expire_time`, ms since epoch, when it carries one. */
  expiresAt?: number;
}

/**
 * A signature's `expire_time` as ms since epoch. Its unit is not documented, so the size decides:
 * milliseconds from 10^12 on, Unix seconds from 10^9 on, and below that a lifetime in seconds.
 * Anything else (absent, text, zero) gives null and the caller keeps its default lifetime.
 */
export function expiryFromExpireTime(raw: unknown, obtainedAt = Date.now()): number | null {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && decimalDigits.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0) return null;
  if (value >= 1e12) return value;
  if (value >= 1e9) return value * 1000;
  return obtainedAt + value * 1000;
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
  if (input.vendor === 'chime') {
    const { meeting, attendee, expiresAt } = decodeChimeSign(signature.sign);
    return { vendor: 'chime', ...common, ...(expiresAt !== undefined ? { expiresAt } : {}), meeting, attendee };
  }
  if (input.voiceId === null) {
    throw paramsError("The room's details name no voice room number (voice_id).");
  }
  if (signature.sign.length === 0) throw paramsError('The voice signature from the gateway is empty.');
  return {
    vendor: input.vendor,
    ...common,
    sdkAppId: toSdkAppId(signature.voiceAppId),
    userSig: signature.sign,
    roomId: toRoomId(input.voiceId),
  };
}

function requireUserId(userIdentifier: string): string {
  if (userIdentifier.trim().length === 0) throw paramsError('The voice signature answer names no user.');
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

/** Keys compared without case, `_` or `-`: `join_token`, `JoinToken` and `joinToken` are one key. */
function keyOf(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of `names` the record holds, in any casing. */
function pick(record: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) {
    const wanted = keyOf(name);
    const key = Object.keys(record).find((candidate) => keyOf(candidate) === wanted);
    if (key !== undefined) return record[key];
  }
  return undefined;
}

/** `{ Meeting: {...} }` (a CreateMeeting answer) and the bare meeting are both accepted. */
function unwrap(value: unknown, key: string): unknown {
  if (!isRecord(value)) return value;
  const inner = pick(value, key);
  return isRecord(inner) ? inner : value;
}

/** Renames the keys that match `canonical` names (in any casing) to those names; others stay as they came. */
function withCanonicalKeys(value: unknown, canonical: readonly string[]): unknown {
  if (!isRecord(value)) return value;
  const byKey = new Map(canonical.map((name) => [keyOf(name), name]));
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [byKey.get(keyOf(key)) ?? key, entry]));
}

const meetingKeys = ['MeetingId', 'ExternalMeetingId', 'MediaRegion', 'MediaPlacement'] as const;
const mediaPlacementKeys = [
  'AudioFallbackUrl',
  'AudioHostUrl',
  'EventIngestionUrl',
  'ScreenDataUrl',
  'ScreenSharingUrl',
  'ScreenViewingUrl',
  'SignalingUrl',
  'TurnControlUrl',
] as const;
const attendeeKeys = ['AttendeeId', 'ExternalUserId', 'JoinToken'] as const;

function canonicalMeeting(value: unknown): unknown {
  const meeting = withCanonicalKeys(value, meetingKeys);
  if (!isRecord(meeting)) return meeting;
  return { ...meeting, MediaPlacement: withCanonicalKeys(meeting.MediaPlacement, mediaPlacementKeys) };
}

function canonicalAttendee(value: unknown): unknown {
  return withCanonicalKeys(value, attendeeKeys);
}

function issuePaths(root: string, error: z.ZodError | undefined): string[] {
  if (!error) return [];
  return [...new Set(error.issues.map((issue) => [root, ...issue.path.map(String)].join('.')))];
}
