import type { LiveEvent, ServerEnvelope } from '../../../../common/live-protocol';
import { createTourEngine, type TourEngine, type TourEngineOptions, type TourViewState } from './engine/index';
import { createGuidedSync, type GuidedSyncOptions, type SyncChannel, type SyncedView } from './sync/index';

export interface GuidedViewOptions {
  /** Where Five draws once the Work is shown. */
  container: HTMLElement;
  /** How keyframes and permission changes leave: the guest page's own socket, or main's channel through the tour bridge. */
  channel: SyncChannel;
  hostRole: string;
  engine?: TourEngineOptions;
  log?: GuidedSyncOptions['log'];
}

/**
 * The tour as every page shows it (the guest page and the agent's tour view alike): guided viewing
 * runs from the first channel event and keeps the latest state; the VR renderer is fetched only when
 * the Work is shown, and opens where the guide is (or the room's last frame).
 */
export function createGuidedView(options: GuidedViewOptions) {
  let engine: TourEngine | null = null;
  let disposed = false;
  const userListeners = new Set<(state: TourViewState) => void>();

  // The engine arrives only with the Work: until then the view keeps nothing but the sync's latest state.
  const view: SyncedView = {
    setState: (state, stateOptions) => engine?.setState(state, stateOptions),
    onUserStateChange(listener) {
      userListeners.add(listener);
      return () => void userListeners.delete(listener);
    },
  };
  const sync = createGuidedSync({
    view,
    channel: options.channel,
    hostRole: options.hostRole,
    ...(options.log ? { log: options.log } : {}),
  });

  return {
    sync,
    /** Every event of the room's channel, with its envelope. */
    receive(event: LiveEvent, envelope: Pick<ServerEnvelope, 'trigger_user_id'> = {}): void {
      sync.receive(event, envelope);
    },
    /** Shows the Work; rejects with a TourEngineError when it cannot. */
    async show(work: Record<string, unknown>): Promise<void> {
      const created = await createTourEngine(options.container, options.engine);
      if (disposed) return created.dispose();
      engine = created;
      await created.load(work, sync.startState() ?? undefined);
      created.onUserStateChange((state) => userListeners.forEach((listener) => listener(state)));
    },
    engine: (): TourEngine | null => engine,
    dispose(): void {
      disposed = true;
      sync.dispose();
      engine?.dispose();
      engine = null;
    },
  };
}

export type GuidedView = ReturnType<typeof createGuidedView>;
