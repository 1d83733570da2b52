import { z } from 'zod';
import type { Result } from '../errors';
import { guestWorkPayloadSchema } from '../guest-link';
import { roomCodeSchema as roomCode } from '../room';
import { method, noInput } from './method';
import { viewerBoundsSchema } from './viewer';

// The tour: the room's VR rendered by Five in a page of its own (a WebContentsView served by main on
// loopback), guided over main's live channel of the room. Two contracts live here:
// - the app's (window.roomdesk): open, place, close the tour and hand control over; its state;
// - the tour page's (window.roomdeskTour): a narrow bridge that relays the room's channel to the page
//   and the page's keyframes back. The page never sees the channel's link, a ticket or a token.

/** A hand-over command for the tour page's guided viewing: a guest leads, or the host leads again. */
export const tourCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('handOver'), userId: z.string().min(1).max(128) }),
  z.strictObject({ type: z.literal('takeBack') }),
]);

export const tourPhases = ['idle', 'loading', 'showing', 'failed', 'closed'] as const;

/**
 * Why a tour is `failed` (or, for `room-ended`, `closed`): the room has no VR code, its link is not a live
 * channel, the Work could not be fetched, the room's channel could not be joined, the page could not
 * render the Work, its page crashed, or the room ended.
 */
export const tourFailureReasons = [
  'no-vr',
  'not-live',
  'work-unavailable',
  'channel-failed',
  'render-failed',
  'crashed',
  'room-ended',
] as const;

export const tourLeadershipSchema = z.object({
  /** Who drives the view: the host, or the guest the host handed control to; null when unknown. */
  leaderId: z.string().nullable(),
  /** The agent's own view leads. */
  leading: z.boolean(),
  /** The agent is the room's host (and may hand control over). */
  isHost: z.boolean(),
});

export const tourStateSchema = z.object({
  roomCode: z.string().nullable(),
  phase: z.enum(tourPhases),
  /** Words for the agent; never a URL, a ticket or a token. */
  failure: z.object({ reason: z.enum(tourFailureReasons), message: z.string() }).nullable(),
  leadership: tourLeadershipSchema.nullable(),
  updatedAt: z.number(),
});

/** The tour page's few words (loading, failed) follow the app's language. */
export const tourLocales = ['en', 'zh-CN'] as const;

export const tourContract = {
  /** Opens the room's tour in the given area (one tour at a time: another room's tour is closed first). */
  openTour: method(z.strictObject({ roomCode, bounds: viewerBoundsSchema, locale: z.enum(tourLocales).optional() }), tourStateSchema),
  /** Where the tour area is now, and whether the native page may be drawn there (hidden under dialogs). */
  setTourBounds: method(z.strictObject({ bounds: viewerBoundsSchema, visible: z.boolean() }), z.object({ applied: z.boolean() })),
  /** Closes the tour; the room stays open and main's channel stays connected. */
  closeTour: method(noInput, tourStateSchema),
  getTourState: method(noInput, tourStateSchema),
  /** Relayed to the tour page, whose guided viewing sends the permission changes. */
  tourCommand: method(z.strictObject({ roomCode, command: tourCommandSchema }), z.object({ sent: z.boolean() })),
} as const;

export const tourEvents = {
  tourState: tourStateSchema,
} as const;

// ── The tour page's bridge (window.roomdeskTour) ─────────────────────────────────────────────────

const flag = z.union([z.boolean(), z.number()]);

/**
 * A participant as the tour page sees one: only what guided viewing and a name need. Unknown fields
 * of the room's UserInfo are dropped on the way (an object, not a loose one).
 */
export const tourUserSchema = z.object({
  id: z.string().min(1).max(256),
  // A field of an odd shape is dropped (null), not a reason to drop the whole user list.
  user_role: z.string().max(128).nullish().catch(null),
  extension: z
    .union([z.object({ nickname: z.string().max(500).nullish().catch(null) }), z.string().max(4_000)])
    .nullish()
    .catch(null),
  current_ws_online: flag.nullish().catch(null),
  mem_status: z.string().max(128).nullish().catch(null),
  permission: z
    .object({ sync_frame: flag.nullish().catch(null) })
    .nullish()
    .catch(null),
  status: z
    .union([z.number(), z.string().max(32)])
    .nullish()
    .catch(null),
});

const framesSchema = z.record(z.string().max(64), z.unknown());

/** The channel events the tour page needs, and nothing else (no custom events, no voice, no built-ins). */
export const tourChannelEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ROOM_INFO'),
    info: z.object({ room_code: z.string().nullish(), close_time: z.string().nullish() }),
    lastFrame: framesSchema,
  }),
  z.object({ type: z.literal('SELF_USER_INFO'), user: tourUserSchema }),
  z.object({ type: z.literal('USER_LIST'), users: z.array(tourUserSchema).max(1_000) }),
  z.object({ type: z.literal('KEYFRAME_SYNC'), frames: framesSchema, toUserIds: z.array(z.string()).max(1_000) }),
]);

export const tourChannelMessageSchema = z.object({
  event: tourChannelEventSchema,
  envelope: z.object({ trigger_user_id: z.string().nullish() }),
});

export const tourPageLeadershipSchema = tourLeadershipSchema.extend({ selfId: z.string().nullable() });

/** What the page says of itself: loading the Work, showing it, or failed (with the engine's reason). */
export const tourPageReportSchema = z.strictObject({
  phase: z.enum(['loading', 'showing', 'failed']),
  failure: z.strictObject({ reason: z.string().max(64), message: z.string().max(500) }).nullable(),
  leadership: tourPageLeadershipSchema.strict().nullable(),
});

/** A FiveState keyframe is ~300 bytes; anything near this size is not a view state. */
export const MAX_TOUR_FRAME_CHARS = 16 * 1024;

export const tourPageContract = {
  /** Called once the page's code runs: what to show. Main then replays the room's channel state. */
  ready: method(
    noInput,
    z.object({
      roomCode: z.string(),
      hostRole: z.string(),
      work: guestWorkPayloadSchema.shape.work,
      resourceOrigins: z.array(z.string()),
      locale: z.enum(tourLocales),
    }),
  ),
  sendKeyframe: method(
    z.strictObject({
      frames: framesSchema.refine((frames) => JSON.stringify(frames).length <= MAX_TOUR_FRAME_CHARS, 'The keyframe is too large.'),
    }),
    z.object({ sent: z.literal(true) }),
  ),
  setSyncFramePermission: method(
    z.strictObject({ userId: z.string().min(1).max(128), allowed: z.boolean() }),
    z.object({ sent: z.literal(true) }),
  ),
  report: method(tourPageReportSchema, z.object({ recorded: z.literal(true) })),
} as const;

export const tourPageEvents = {
  channelEvent: tourChannelMessageSchema,
  command: tourCommandSchema,
} as const;

export type TourCommand = z.output<typeof tourCommandSchema>;
export type TourState = z.output<typeof tourStateSchema>;
export type TourFailureReason = (typeof tourFailureReasons)[number];
export type TourChannelMessage = z.output<typeof tourChannelMessageSchema>;
export type TourPageReport = z.output<typeof tourPageReportSchema>;
export type TourPageContract = typeof tourPageContract;
export type TourPageMethod = keyof TourPageContract;
export type TourPageEventName = keyof typeof tourPageEvents;
export type TourPageInput<M extends TourPageMethod> = z.output<TourPageContract[M]['input']>;
export type TourPageOutput<M extends TourPageMethod> = z.output<TourPageContract[M]['output']>;
export type TourPageEventPayload<E extends TourPageEventName> = z.output<(typeof tourPageEvents)[E]>;

export const tourPageMethodNames = Object.keys(tourPageContract) as TourPageMethod[];
export const tourPageEventNames = Object.keys(tourPageEvents) as TourPageEventName[];
/** IPC channels of the tour page's bridge: apart from the app's, so the app's handlers never answer it. */
export const tourPageChannelFor = (method: TourPageMethod) => `roomdesk-tour:${method}`;
export const tourPageEventChannelFor = (event: TourPageEventName) => `roomdesk-tour-event:${event}`;

type TourPageFunction<M extends TourPageMethod> =
  z.input<TourPageContract[M]['input']> extends undefined
    ? () => Promise<Result<TourPageOutput<M>>>
    : (input: z.input<TourPageContract[M]['input']>) => Promise<Result<TourPageOutput<M>>>;

/** The object the tour page finds at `window.roomdeskTour`. */
export type RoomdeskTourBridge = { readonly [M in TourPageMethod]: TourPageFunction<M> } & {
  readonly onChannelEvent: (listener: (payload: TourPageEventPayload<'channelEvent'>) => void) => () => void;
  readonly onCommand: (listener: (payload: TourPageEventPayload<'command'>) => void) => () => void;
};
