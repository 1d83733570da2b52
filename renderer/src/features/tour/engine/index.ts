export { createTourEngine } from './create-tour-engine';
export { TourEngineError, type TourEngine, type TourEngineFailure, type TourEngineOptions } from './tour-engine';
export { sanitizeViewState, TOUR_MODES, type TourViewState } from './view-state';
