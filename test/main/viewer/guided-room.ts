import { performance } from 'node:perf_hooks';
import type { LiveEvent, ServerEnvelope } from '../../../common/live-protocol';
import { defaultRoles } from '../../../common/profile';
import { createGatewayClient } from '../../../main/realsee/client';
import { withTicket } from '../../../main/rooms/room-link';
import { startSandboxGateway } from '../../../main/sandbox/index';
import { createLiveChannelClient, wsSocketFactory, type LiveChannelClient } from '../../../main/viewer/index';
import type { TourViewState } from '../../../renderer/src/features/tour/engine/view-state';
import { createGuidedSync, type GuidedSync } from '../../../renderer/src/features/tour/sync';

/** One participant: main's live channel client, guided viewing on it, and a stand-in for the tour engine. */
export interface GuidedParticipant {
  userId: string;
  client: LiveChannelClient;
  sync: GuidedSync;
  /** Keyframes guided viewing sent through the client. */
  sent: Array<Record<string, unknown>>;
  /** Every `setState` guided viewing made on the view, with when (performance.now()). */
  applied: Array<{ state: Partial<TourViewState>; animate: boolean | undefined; at: number }>;
  /** Called on every `setState` (the benchmark's stopwatch). */
  onApplied: ((state: Partial<TourViewState>) => void) | null;
  /** The user dragging the view to `state`. */
  userMoves(state: TourViewState): void;
  /** The last state the view was moved to, merged as the engine would. */
  viewState(): Partial<TourViewState>;
  events: LiveEvent[];
}

/** A sandbox on loopback with one room in it; `join` connects participants over WebSocket as the app does. */
export async function openGuidedRoom(options: { intervalMs?: number } = {}) {
  const sandbox = await startSandboxGateway({ rateLimits: { perAppKeyPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } });
  const gateway = createGatewayClient({ baseUrl: sandbox.baseUrl, ...sandbox.demoApp, roles: defaultRoles });
  const room = await gateway.createRoom({ createUserId: 'agent-1' });
  const participants: GuidedParticipant[] = [];

  async function join(userId: string, role: string = defaultRoles.guest): Promise<GuidedParticipant> {
    let userListener: ((state: TourViewState) => void) | null = null;
    let current: Partial<TourViewState> = {};
    const sent: GuidedParticipant['sent'] = [];
    const applied: GuidedParticipant['applied'] = [];
    const events: LiveEvent[] = [];
    let sync: GuidedSync | null = null;
    const client = createLiveChannelClient({
      roomCode: room.roomCode,
      ticketLink: async () => {
        const { ticket } = await gateway.getRoomTicket({ userId, userRole: role, roomCode: room.roomCode });
        return withTicket(room.roomLink, ticket, true);
      },
      checkRoom: async () => 'open',
      socketFactory: wsSocketFactory,
      onPresence: () => undefined,
      onEvent: (event: LiveEvent, envelope: ServerEnvelope) => {
        events.push(event);
        sync?.receive(event, envelope);
      },
    });
    const participant: GuidedParticipant = {
      userId,
      client,
      sent,
      applied,
      events,
      onApplied: null,
      sync: createGuidedSync({
        view: {
          setState(state, viewOptions) {
            current = { ...current, ...state };
            applied.push({ state, animate: viewOptions?.animate, at: performance.now() });
            participant.onApplied?.(state);
          },
          onUserStateChange(listener) {
            userListener = listener;
            return () => (userListener = null);
          },
        },
        channel: {
          sendKeyframe(frames) {
            client.sendKeyframe(frames);
            sent.push(frames);
          },
          setSyncFramePermission: (target, allowed) => client.setSyncFramePermission(target, allowed),
        },
        hostRole: defaultRoles.host,
        ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
      }),
      userMoves(state) {
        current = { ...state };
        userListener?.(state);
      },
      viewState: () => current,
    };
    sync = participant.sync;
    participants.push(participant);
    client.connect();
    await until(
      () => client.presence().connection === 'connected' && participant.sync.leadership().selfId === userId,
      `${userId} connected`,
    );
    return participant;
  }

  return {
    room,
    sandbox,
    join,
    async close(): Promise<void> {
      for (const participant of participants) {
        participant.sync.dispose();
        participant.client.disconnect();
      }
      await sandbox.close();
    },
  };
}

/** Polls `predicate` every few milliseconds until it holds; rejects with `what` after `timeoutMs`. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
