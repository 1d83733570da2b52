import { z } from 'zod';
import { appErrorSchema } from '../common/errors';
import { profileDraftSchema, profileSummarySchema } from '../common/profile';
import { guestSchema, listingSchema, roomSummarySchema } from '../common/room';
import {
  historyExportOptionsSchema,
  historyPageSchema,
  historyQuerySchema,
  historyRoomSchema,
  historyStartupReportSchema,
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

/** What the renderer learns about a host ticket: enough to show, never the ticket itself. */
export const hostJoinSchema = z.object({
  roomCode: z.string(),
  linkHost: z.string(),
  linkKind: z.enum(['page', 'live-channel']),
  obtainedAt: z.number(),
  expiresAt: z.number(),
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
});

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
  prepareHostJoin: method(z.strictObject({ roomCode }), hostJoinSchema),
  issueGuestPass: method(guestPassInputSchema, guestPassSchema),
  getVoiceSignature: method(z.strictObject({ roomCode }), voiceSignatureInfoSchema),
  listVrs: method(z.strictObject({ page: z.number().int().min(1).max(1000).default(1) }), vrListSchema),

  getHistoryStatus: method(noInput, historyStatusSchema),
  queryHistory: method(historyQuerySchema, historyPageSchema),
  getHistoryRoom: method(z.strictObject({ roomCode }), historyRoomViewSchema),
  updateRoomNotes: method(z.strictObject({ roomCode, notes: z.string().max(5000) }), historyRoomSchema),
  exportHistory: method(historyExportOptionsSchema, exportResultSchema),
  deleteHistoryRoom: method(z.strictObject({ roomCode }), z.object({ deleted: z.literal(true) })),
  clearHistory: method(z.strictObject({ confirm: z.literal(true) }), z.object({ cleared: z.literal(true) })),

  /** Whether the gateway answered lately; `networkState` events announce each change. */
  getNetworkState: method(noInput, networkStateSchema),
  /** Probes the active profile's gateway now (the agent pressed "try now"). */
  checkNetwork: method(noInput, networkStateSchema),
} as const;

/** Events main pushes to the renderer; each subscription returns its unsubscribe function. */
export const bridgeEvents = {
  networkState: networkStateSchema,
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
