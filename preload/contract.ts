import { z } from 'zod';
import { appErrorSchema } from '../common/errors';
import { profileDraftSchema, profileSummarySchema } from '../common/profile';
import { guestSchema, listingSchema, roomSummarySchema } from '../common/room';
import { joinVoiceInputSchema, joinVoiceOutputSchema } from '../common/voice';
import {
  historyExportOptionsSchema,
  historyPageSchema,
  historyQuerySchema,
  historyRoomSchema,
  historyStartupReportSchema,
  historyStateSchema,
  historyStatsSchema,
  timelineEntrySchema,
} from '../common/history';

/**
 * The bridge contract: every method the renderer may call, declared once with the schemas of
 * what goes in and what comes out. Main, preload and renderer all derive their types from here.
 * This module must stay free of Node and DOM APIs: it is bundled into all three.
 */

const roomCode = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A room code has letters, digits, - or _ only.');
const noInput = z.undefined();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Base URL of the embedded sandbox gateway, when it is running. */
  sandboxBaseUrl: z.string().nullable(),
});

export const profileListSchema = z.object({
  profiles: z.array(profileSummarySchema),
  /** Set when the OS keychain could not be asked; profiles are still listed. */
  keychainProblem: appErrorSchema.nullable(),
  /** Set when some saved profiles could not be read; they are kept on disk, unlisted. */
  storageProblem: appErrorSchema.nullable(),
});

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

export const voiceSignatureInfoSchema = z.object({
  roomCode: z.string(),
  userIdentifier: z.string(),
  voiceId: z.number().nullable(),
  voiceAppId: z.string(),
  obtainedAt: z.number(),
  expiresAt: z.number(),
});

export const vrListSchema = z.object({
  items: z.array(z.object({ vrCode: z.string(), name: z.string().nullable(), createTime: z.union([z.string(), z.number()]).nullable() })),
  total: z.number().nullable(),
});

export const historyStatusSchema = z.object({
  /** What happened to the history file at startup, when it could not be used as it was. */
  startupReport: historyStartupReportSchema.nullable(),
  stats: historyStatsSchema,
  /** 'loading' while the history is read after a start (stats are empty until then), and the last failed save. */
  state: historyStateSchema,
});

/** A room in the history: the code, and the profile when two profiles may have the same code. */
const historyRoomInput = z.strictObject({ roomCode, profileId: z.string().min(1).max(64).optional() });

export const historyRoomViewSchema = z.object({
  room: historyRoomSchema,
  timeline: z.array(timelineEntrySchema),
});

export const networkStateSchema = z.object({ online: z.boolean(), checkedAt: z.number() });

export const exportResultSchema = z.object({
  /** False when the agent cancelled the save dialog. */
  saved: z.boolean(),
  path: z.string().nullable(),
  rooms: z.number().int().nonnegative(),
});

// ── Embedded room viewer and live room channel ──────────────────────────────────────────────
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

export const liveConnectionStates = ['connecting', 'connected', 'reconnecting', 'refused', 'room-closed', 'failed', 'disconnected'] as const;

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
// ── end of the viewer block ─────────────────────────────────────────────────────────────────

// Inputs are strict objects: a key the contract does not name is refused, not ignored.
function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const bridgeContract = {
  getAppInfo: method(noInput, appInfoSchema),

  listProfiles: method(noInput, profileListSchema),
  saveProfile: method(profileDraftSchema, profileSummarySchema),
  testProfileConnection: method(
    z.union([z.strictObject({ id: z.string().min(1) }), z.strictObject({ draft: profileDraftSchema })]),
    z.object({ checkedAt: z.number() }),
  ),
  activateProfile: method(z.strictObject({ id: z.string().min(1) }), profileSummarySchema),
  deleteProfile: method(z.strictObject({ id: z.string().min(1) }), z.object({ deleted: z.literal(true) })),

  createRoom: method(createRoomInputSchema, createdRoomSchema),
  getRoomDetails: method(z.strictObject({ roomCode }), roomSummarySchema),
  issueGuestPass: method(guestPassInputSchema, guestPassSchema),
  getVoiceSignature: method(z.strictObject({ roomCode }), voiceSignatureInfoSchema),
  /** Fetches a fresh voice signature for joining; it lives in renderer memory only while joining. */
  joinVoice: method(joinVoiceInputSchema, joinVoiceOutputSchema),
  /** The agent left a room's voice: recorded on the room's timeline. */
  leaveVoice: method(z.strictObject({ roomCode }), z.object({ recorded: z.boolean() })),
  listVrs: method(z.strictObject({ page: z.number().int().min(1).max(1000).default(1) }), vrListSchema),

  getHistoryStatus: method(noInput, historyStatusSchema),
  queryHistory: method(historyQuerySchema, historyPageSchema),
  getHistoryRoom: method(historyRoomInput, historyRoomViewSchema),
  updateRoomNotes: method(historyRoomInput.extend({ notes: z.string().max(5000) }), historyRoomSchema),
  exportHistory: method(historyExportOptionsSchema, exportResultSchema),
  deleteHistoryRoom: method(historyRoomInput, z.object({ deleted: z.literal(true) })),
  clearHistory: method(z.strictObject({ confirm: z.literal(true) }), z.object({ cleared: z.literal(true) })),

  /** Whether the gateway answered lately; `networkState` events announce each change. */
  getNetworkState: method(noInput, networkStateSchema),
  /** Probes the active profile's gateway now (the agent pressed "try now"). */
  checkNetwork: method(noInput, networkStateSchema),

  ...viewerContract,
} as const;

/** Events main pushes to the renderer; each subscription returns its unsubscribe function. */
export const bridgeEvents = {
  networkState: networkStateSchema,
  /** The history finished loading, or a save failed (or works again). */
  historyState: historyStateSchema,
  ...viewerEvents,
} as const;

export type BridgeContract = typeof bridgeContract;
export type MethodName = keyof BridgeContract;
export type MethodInput<M extends MethodName> = z.input<BridgeContract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<BridgeContract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<BridgeContract[M]['output']>;
export type EventName = keyof typeof bridgeEvents;
export type EventPayload<E extends EventName> = z.output<(typeof bridgeEvents)[E]>;

export const methodNames = Object.keys(bridgeContract) as MethodName[];
export const eventNames = Object.keys(bridgeEvents) as EventName[];

export const bridgeResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

/** IPC channel names are an implementation detail of preload and main; the renderer never sees them. */
export const channelFor = (method: MethodName) => `roomdesk:${method}`;
export const eventChannelFor = (event: EventName) => `roomdesk-event:${event}`;

type MethodFunction<M extends MethodName> =
  MethodInput<M> extends undefined
    ? () => Promise<import('../common/errors').Result<MethodOutput<M>>>
    : (input: MethodInput<M>) => Promise<import('../common/errors').Result<MethodOutput<M>>>;

type EventSubscriptionName<E extends EventName> = `on${Capitalize<E>}`;

/** The object the renderer finds at `window.roomdesk`. */
export type RoomdeskBridge = { readonly [M in MethodName]: MethodFunction<M> } & {
  readonly [E in EventName as EventSubscriptionName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

export const subscriptionNameFor = (event: EventName) =>
  `on${event[0]!.toUpperCase()}${event.slice(1)}` as EventSubscriptionName<EventName>;
