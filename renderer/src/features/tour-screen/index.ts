/**
 * The tour screen: a room filling the window's main area like a call.
 *
 *   <TourScreen roomCode title notes control slots={{ vr, voice, invite }} participantVoice />
 *
 * The route fills the slots from other features (see TourScreenSlots).
 */
export { TourScreen, type TourScreenProps, type TourScreenSlots, type TourControl } from './TourScreen';
export type { ParticipantVoice } from './tour-state';
