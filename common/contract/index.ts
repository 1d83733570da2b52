import { z } from 'zod';
import { appErrorSchema, type Result } from '../errors';
import { appContract } from './app';
import { historyContract, historyEvents } from './history';
import { networkContract, networkEvents } from './network';
import { profilesContract } from './profiles';
import { roomsContract } from './rooms';
import { viewerContract, viewerEvents } from './viewer';
import { tourContract, tourEvents } from './tour';
import { voiceContract, voiceEvents } from './voice';

/**
 * The bridge contract: every method the renderer may call, declared once with the schemas of
 * what goes in and what comes out, one module per domain. Main, preload and renderer all derive
 * their types from here. Like all of common/, it has no Node or DOM APIs: it is bundled into all three.
 */
export const bridgeContract = {
  ...appContract,
  ...profilesContract,
  ...roomsContract,
  ...voiceContract,
  ...historyContract,
  ...networkContract,
  ...viewerContract,
  ...tourContract,
} as const;

/** Events main pushes to the renderer; each subscription returns its unsubscribe function. */
export const bridgeEvents = {
  ...networkEvents,
  ...historyEvents,
  ...viewerEvents,
  ...voiceEvents,
  ...tourEvents,
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
  MethodInput<M> extends undefined ? () => Promise<Result<MethodOutput<M>>> : (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

type EventSubscriptionName<E extends EventName> = `on${Capitalize<E>}`;

/** The object the renderer finds at `window.roomdesk`. */
export type RoomdeskBridge = { readonly [M in MethodName]: MethodFunction<M> } & {
  readonly [E in EventName as EventSubscriptionName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

export const subscriptionNameFor = (event: EventName) =>
  `on${event[0]!.toUpperCase()}${event.slice(1)}` as EventSubscriptionName<EventName>;

export * from './app';
export * from './history';
export * from './network';
export * from './profiles';
export * from './rooms';
export * from './viewer';
export * from './tour';
export * from './voice';
