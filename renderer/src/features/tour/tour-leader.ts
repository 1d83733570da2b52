import type { TourState } from './tour-bridge';

/**
 * Who leads the view as the tour knows it: its guided sync's leader while the VR is shown; undefined
 * otherwise (or while the sync does not know yet), so the screen reads it from the room's presence.
 * While the VR is shown the guided sync is the one that applies `sync_frame` changes, so it is right
 * first; the presence's latest keyframe sender lags behind a hand-over until the guest moves.
 */
export function tourLeaderId(state: Pick<TourState, 'phase' | 'leadership'> | null): string | undefined {
  if (state?.phase !== 'showing') return undefined;
  return state.leadership?.leaderId ?? undefined;
}

/** The agent may hand the view over (and take it back) while the VR is shown and the agent is the room's host. */
export function canHandOver(state: Pick<TourState, 'phase' | 'leadership'> | null): boolean {
  return state?.phase === 'showing' && state.leadership?.isHost === true;
}
