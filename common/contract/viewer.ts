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
});

export const liveConnectionStates = [
  'connecting',
  'connected',
  'reconnecting',
  'refused',
  'room-closed',
  'failed',
  'disconnected',
] as const;

export const livePresenceSchema = z.object({
  roomCode: z.string(),
  connection: z.enum(liveConnectionStates),
  self: liveUserSchema.nullable(),
  /** Everyone in the room, the agent included. */
  users: z.array(liveUserSchema),
  voice: z.object({ voiceId: z.number().nullable(), type: z.string().nullable() }).nullable(),
  /** Who joined or left since the previous presence event (for join/leave notices). */
  changes: z.array(z.object({ kind: z.enum(['joined', 'left']), user: liveUserSchema })),
  /** When the next reconnection attempt starts, while reconnecting. */
  reconnect: z.object({ attempt: z.number().int().positive(), at: z.number() }).nullable(),
  /** Why the channel is refused, failed or disconnected, in words for the agent; never a URL. */
  reason: z.string().nullable(),
  updatedAt: z.number(),
});

const viewerRoomInput = z.strictObject({ roomCode });

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
  connectLiveChannel: method(viewerRoomInput, livePresenceSchema),
  disconnectLiveChannel: method(viewerRoomInput, livePresenceSchema),
  /** Closes the room for everyone over the live channel (BUILTIN_MSG room_change/close). */
  endRoom: method(viewerRoomInput, z.object({ closed: z.literal(true) })),
} as const;

export const viewerEvents = {
  viewerState: viewerStateSchema,
  livePresence: livePresenceSchema,
} as const;
