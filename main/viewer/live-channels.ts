import { liveChannelHolders, type LiveChannelHolder } from '../../common/contract/viewer';
import { GatewayError } from '../realsee/errors';
import { AppFailure } from '../app-failure';
import { roomLinkKind } from '../rooms/room-link';
import type { BackoffPolicy } from './backoff';
import {
  createLiveChannelClient,
  PermanentLiveChannelError,
  type LiveChannelClient,
  type LiveChannelClientOptions,
  type LivePresence,
  type RoomCheck,
} from './live-channel-client';
import { createLiveChannelHolds } from './live-channel-holds';
import type { LiveSocketFactory } from './live-socket';

/** The app page's holders, and main's own: the tour view holds its room's channel while a tour is open. */
export type LiveHolder = LiveChannelHolder | 'tour-view';

export interface LiveChannelsOptions {
  /** A fresh host ticket appended to the room link (main/rooms/room-service.ts `hostTicketLink`). */
  hostTicketLink(roomCode: string, force: boolean): Promise<{ url: string; roomLink: string }>;
  /** The room's details from the gateway (main/rooms/room-service.ts `getRoomDetails`). */
  roomDetails(roomCode: string): Promise<{ closeTime: string | null }>;
  socketFactory: LiveSocketFactory;
  emit(presence: LivePresence): void;
  onEvent?: (roomCode: string, ...event: Parameters<NonNullable<LiveChannelClientOptions['onEvent']>>) => void;
  log?: LiveChannelClientOptions['log'];
  policy?: BackoffPolicy;
  ticketsPerMinute?: number;
  stableMs?: number;
  random?: () => number;
  now?: () => number;
}

/** Gateway answers that say the room cannot be joined, as opposed to the gateway being unreachable. */
const REFUSING_KINDS = new Set(['gateway', 'auth', 'forbidden', 'not-found', 'validation']);

/**
 * The live channels of the rooms the agent has open, one client per room. A room's channel connects
 * when its first holder holds it and disconnects when its last holder lets go; holders in between
 * spend no ticket. Room closed, kicked, replaced, refused and failed end the channel for every holder.
 */
export function createLiveChannels(options: LiveChannelsOptions) {
  const clients = new Map<string, LiveChannelClient>();
  const holds = createLiveChannelHolds<LiveHolder>();

  async function checkRoom(roomCode: string): Promise<RoomCheck> {
    try {
      const details = await options.roomDetails(roomCode);
      return details.closeTime ? 'closed' : 'open';
    } catch (error) {
      if (error instanceof GatewayError && REFUSING_KINDS.has(error.appError.kind)) throw new PermanentLiveChannelError(error.message);
      throw error;
    }
  }

  function clientFor(roomCode: string): LiveChannelClient {
    let client = clients.get(roomCode);
    if (!client) {
      client = createLiveChannelClient({
        roomCode,
        // Realsee's own demo always connects with force=1: a new connection takes over an older one.
        ticketLink: async () => {
          const link = await options.hostTicketLink(roomCode, true);
          if (roomLinkKind(link.roomLink) !== 'live-channel') throw new PermanentLiveChannelError('This room has no live channel link.');
          return link.url;
        },
        checkRoom: () => checkRoom(roomCode),
        socketFactory: options.socketFactory,
        onPresence: options.emit,
        ...(options.onEvent ? { onEvent: (event, envelope) => options.onEvent!(roomCode, event, envelope) } : {}),
        ...(options.log ? { log: options.log } : {}),
        ...(options.policy ? { policy: options.policy } : {}),
        ...(options.ticketsPerMinute ? { ticketsPerMinute: options.ticketsPerMinute } : {}),
        ...(options.stableMs ? { stableMs: options.stableMs } : {}),
        ...(options.random ? { random: options.random } : {}),
        ...(options.now ? { now: options.now } : {}),
      });
      clients.set(roomCode, client);
    }
    return client;
  }

  return {
    /** Holds the room's channel for `holder`; connects it unless it runs already (a channel in a final state starts again). */
    connect(roomCode: string, holder: LiveHolder): LivePresence {
      holds.hold(roomCode, holder);
      return clientFor(roomCode).connect();
    },
    /** Lets go of one of `holder`'s holds; the last hold of the room disconnects it. */
    disconnect(roomCode: string, holder: LiveHolder): LivePresence {
      const client = clientFor(roomCode);
      return holds.release(roomCode, holder) ? client.disconnect() : client.presence();
    },
    /** The app page reloaded or crashed: its holds go, and the rooms nobody else holds disconnect. */
    releasePageHolds(): void {
      for (const roomCode of holds.releaseAll(liveChannelHolders)) clients.get(roomCode)?.disconnect();
    },
    holders: (roomCode: string): LiveHolder[] => holds.holders(roomCode),
    presence: (roomCode: string): LivePresence | null => clients.get(roomCode)?.presence() ?? null,
    /** The room's client, for features that send keyframes, custom events or built-ins. */
    channel: (roomCode: string): LiveChannelClient | null => clients.get(roomCode) ?? null,
    async endRoom(roomCode: string): Promise<void> {
      const client = clients.get(roomCode);
      try {
        if (!client) throw new Error('The live channel is not connected.');
        await client.endRoom();
      } catch (error) {
        throw new AppFailure({ kind: 'network', message: error instanceof Error ? error.message : 'The room could not be ended.' });
      }
    },
    dispose(): void {
      for (const client of clients.values()) client.disconnect();
      clients.clear();
      holds.clear();
    },
  };
}

export type LiveChannels = ReturnType<typeof createLiveChannels>;
