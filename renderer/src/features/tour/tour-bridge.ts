import type { EventPayload } from '../../../../common/contract';
import { bridge, type BridgeMethods } from '../../lib/bridge';

/** The part of the bridge the tour uses; tests and stories may pass their own. */
export type TourBridge = BridgeMethods<'openTour' | 'setTourBounds' | 'closeTour' | 'getTourState' | 'tourCommand' | 'onTourState'>;

export type TourState = EventPayload<'tourState'>;
export type TourLeadership = NonNullable<TourState['leadership']>;

export function defaultTourBridge(): TourBridge {
  return bridge();
}
