import { AppFailure } from '../app-failure';
import { roomLinkKind } from '../rooms/room-link';
import type { BackoffPolicy } from './backoff';
import { createLiveChannelClient, PermanentLiveChannelError, type LiveChannelClient, type LivePresence } from './live-channel-client';
import type { LiveSocketFactory } from './live-socket';

export interface LiveChannelsOptions {
  /** A fresh host ticket appended to the room link (main/rooms/room-service.ts `hostTicketLink`). */
  hostTicketLink(roomCode: string, force: boolean): Promise<{ url: string; roomLink: string }>;
  socketFactory: LiveSocketFactory;
  emit(presence: LivePresence): void;
  policy?: BackoffPolicy;
  random?: () => number;
  now?: () => number;
}

/** The live channels of the rooms the agent has open, one client per room. */
export function createLiveChannels(options: LiveChannelsOptions) {
  const clients = new Map<string, LiveChannelClient>();

  function clientFor(roomCode: string): LiveChannelClient {
    let client = clients.get(roomCode);
    if (!client) {
      client = createLiveChannelClient({
        roomCode,
        ticketLink: async (force) => {
          const link = await options.hostTicketLink(roomCode, force);
          if (roomLinkKind(link.roomLink) !== 'live-channel') throw new PermanentLiveChannelError('This room has no live channel link.');
          return link.url;
        },
        socketFactory: options.socketFactory,
        onPresence: options.emit,
        ...(options.policy ? { policy: options.policy } : {}),
        ...(options.random ? { random: options.random } : {}),
        ...(options.now ? { now: options.now } : {}),
      });
      clients.set(roomCode, client);
    }
    return client;
  }

  return {
    connect: (roomCode: string): LivePresence => clientFor(roomCode).connect(),
    disconnect: (roomCode: string): LivePresence => clientFor(roomCode).disconnect(),
    presence: (roomCode: string): LivePresence | null => clients.get(roomCode)?.presence() ?? null,
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
    },
  };
}

export type LiveChannels = ReturnType<typeof createLiveChannels>;
