/**
 * The agent's tour: the room's VR in a native view main draws over `TourViewport`, guided over the
 * room's live channel. Nothing here imports the VR renderer (it runs in the tour page only).
 *
 *   <TourViewport roomCode={code} obscured={menuOpen} />   fills its parent; opens the tour on mount, leaves it on unmount
 *   useTourState(roomCode)       → TourState | null       phase, failure, leadership, for any component
 *   useTourCommands(roomCode)    → { handOver(userId), takeBack(), error }
 *   tourLeaderId(state), canHandOver(state)   who leads while the VR is shown; whether the agent may hand over
 */
export { TourViewport, type TourViewportProps } from './TourViewport';
export { useTourCommands, useTourState } from './use-tour-state';
export { defaultTourBridge, type TourBridge, type TourLeadership, type TourState } from './tour-bridge';
export { canHandOver, tourLeaderId } from './tour-leader';
