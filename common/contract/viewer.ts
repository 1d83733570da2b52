import { z } from 'zod';
import { appErrorSchema } from '../errors';
import { roomCodeSchema as roomCode } from '../room';
import { method, noInput } from './method';

// The embedded room viewer and the live room channel.
// The renderer learns states, hosts and presence only: tickets and ticket-bearing links stay in main.

/** The viewer area in the app window, in CSS pixels of the app page (DIPs at zoom 100%). */
export const viewerBoundsSchema = z.strictObject({
  x: z.number().finite().min(0).max(100_000),
  y: z.number().finite().min(0).max(100_000),
  width: z.number().finite().min(0).max(100_000),
  height: z.number().finite().min(0).max(100_000),
});

export const viewerPhases = ['idle', 'loading', 'showing', 'failed', 'ticket-refused', 'room-ended', 'live-channel', 'closed'] as const;

export const viewerStateSchema = z.object({
  roomCode: z.string().nullable(),
  phase: z.enum(viewerPhases),
  /** Why the viewer is in `failed`: the page did not load, no ticket could be had, the page crashed, or the room refused entry. */
  failure: z
    .object({
      reason: z.enum(['load-failed', 'ticket-unavailable', 'crashed', 'room-refused']),
      /** The room page's refusal marker or Chromium's error text; never a URL. */
      detail: z.string().nullable(),
      error: appErrorSchema.nullable(),
    })
    .nullable(),
  /** The room page's refusal marker in `ticket-refused` (e.g. `ticket-used`). */
  refusal: z.string().nullable(),
  /** The last navigation the viewer refused, while it is worth telling the agent about. */
  blocked: z.object({ host: z.string(), offerExternal: z.boolean() }).nullable(),
  /** Host of the room page (no query: the ticket is never in it). */
  pageHost: z.string().nullable(),
  title: z.string().nullable(),
  /** Fresh tickets fetched since the viewer opened this room (each one used once). */
  ticketsFetched: z.number().int().nonnegative(),
  updatedAt: z.number(),
});

export const liveUserSchema = z.object({
  userId: z.string(),
  nickname: z.string().nullable(),
  role: z.string().nullable(),
  /** `current_ws_online`; null when the room did not say. */
  online: z.boolean().nullable(),
  /** `micro_status`; null when the room did not say. */
  microphone: z.enum(['open', 'closed']).nullable(),
  /** `permission.sync_frame`: may this user lead the view. */
  maySyncFrame: z.boolean(),
});

/**
 * `room-closed`, `kicked`, `replaced` (the room was opened on another device), `refused` (the room
 * kept closing the connection before letting us in) and `failed` are final until the agent connects again.
 */
export const liveConnectionStates = [
  'connecting',
  'connected',
  'reconnecting',
  'refused',
  'room-closed',
  'kicked',
  'replaced',
  'failed',
  'disconnected',
] as const;

export const livePresenceSchema = z.object({
  roomCode: z.string(),
  connection: z.enum(liveConnectionStates),
  self: liveUserSchema.nullable(),
  /** Everyone in the room, the agent included. */
  users: z.array(liveUserSchema),
  /** RTC_INFO: the voice room id as Realsee types it (a string) and the vendor. */
  voice: z.object({ voiceId: z.string().nullable(), type: z.string().nullable() }).nullable(),
  /** Who sent the latest view keyframe (KEYFRAME_SYNC): the user leading the view. */
  leaderId: z.string().nullable(),
  /** Who joined or left since the previous presence event (for join/leave notices). */
  changes: z.array(z.object({ kind: z.enum(['joined', 'left']), user: liveUserSchema })),
  /** When the next reconnection attempt starts, while reconnecting. */
  reconnect: z.object({ attempt: z.number().int().positive(), at: z.number() }).nullable(),
  /** Why the channel is refused, failed or disconnected, in words for the agent; never a URL. */
  reason: z.string().nullable(),
  updatedAt: z.number(),
});

const viewerRoomInput = z.strictObject({ roomCode });

/**
 * The parts of the app page that hold a room's live channel: the presence panel, the tour screen and
 * voice. The channel stays connected while any of them (or main's own tour view) holds it, and each
 * lets go of its own hold only; the page reloading or crashing lets go of all of them.
 */
export const liveChannelHolders = ['presence', 'tour', 'voice'] as const;
export type LiveChannelHolder = (typeof liveChannelHolders)[number];
const liveChannelHoldInput = z.strictObject({ roomCode, holder: z.enum(liveChannelHolders) });

export const viewerContract = {
  openViewer: method(z.strictObject({ roomCode, bounds: viewerBoundsSchema }), viewerStateSchema),
  setViewerBounds: method(z.strictObject({ bounds: viewerBoundsSchema, visible: z.boolean() }), z.object({ applied: z.boolean() })),
  reloadViewer: method(viewerRoomInput, viewerStateSchema),
  closeViewer: method(noInput, viewerStateSchema),
  getViewerState: method(noInput, viewerStateSchema),
  /** Fetches a fresh ticket and hands the room to the system browser; the renderer asks the agent first. */
  openViewerInBrowser: method(viewerRoomInput, z.object({ opened: z.boolean() })),
  /** Opens the last blocked https link in the system browser; the renderer asks the agent first. */
  openBlockedLinkInBrowser: method(viewerRoomInput, z.object({ opened: z.boolean() })),
  /** Holds the room's channel for `holder`, connecting it if nobody held it; a second holder spends no ticket. */
  connectLiveChannel: method(liveChannelHoldInput, livePresenceSchema),
  /** Lets go of `holder`'s hold; the channel disconnects when its last holder lets go. */
  disconnectLiveChannel: method(liveChannelHoldInput, livePresenceSchema),
  /** Closes the room for everyone over the live channel (BUILTIN_MSG room_change/close). */
  endRoom: method(viewerRoomInput, z.object({ closed: z.literal(true) })),
  /** The agent's answer to a `microphoneRequest`, kept for that room while the app runs; `applied` is false when nothing was asked. */
  answerMicrophoneRequest: method(z.strictObject({ roomCode, allow: z.boolean() }), z.object({ applied: z.boolean() })),
} as const;

/** A room page in the viewer wants the microphone: the renderer asks the agent once per room. */
export const microphoneRequestSchema = z.object({ roomCode: z.string(), host: z.string() });

export const viewerEvents = {
  viewerState: viewerStateSchema,
  livePresence: livePresenceSchema,
  microphoneRequest: microphoneRequestSchema,
} as const;
