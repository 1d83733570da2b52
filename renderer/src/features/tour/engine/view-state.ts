/**
 * What the tour shares of the VR view: Five's `State` as plain JSON (the shape Realsee's own
 * clients send as the `FiveState` keyframe), so it can cross the live channel and be compared.
 */
export interface TourViewState {
  mode: string;
  panoIndex: number;
  /** Yaw in radians. */
  longitude: number;
  /** Pitch in radians. */
  latitude: number;
  /** Vertical field of view in degrees. */
  fov: number;
  workCode: string;
  offset: { x: number; y: number; z: number };
  distance: number;
}

export const TOUR_MODES = ['Panorama', 'Model', 'Floorplan', 'Topview', 'Mapview'] as const;

type Vector = { x: number; y: number; z: number };

/** Five's state (camera pose with a THREE.Vector3 offset, mode, pano) as plain JSON. */
export function toViewState(state: {
  mode: string;
  panoIndex: number;
  longitude: number;
  latitude: number;
  fov: number;
  workCode: string;
  offset: Vector;
  distance: number;
}): TourViewState {
  return {
    mode: state.mode,
    panoIndex: state.panoIndex,
    longitude: state.longitude,
    latitude: state.latitude,
    fov: state.fov,
    workCode: state.workCode,
    offset: { x: state.offset.x, y: state.offset.y, z: state.offset.z },
    distance: state.distance,
  };
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Keeps only what Five's `setState` may be given from a state that came from elsewhere (a keyframe):
 * known modes, finite numbers, a whole non-negative pano index. Anything else is dropped, not guessed.
 */
export function sanitizeViewState(state: Partial<Record<keyof TourViewState, unknown>>): Partial<TourViewState> {
  const clean: Partial<TourViewState> = {};
  if (typeof state.mode === 'string' && (TOUR_MODES as readonly string[]).includes(state.mode)) clean.mode = state.mode;
  if (finite(state.panoIndex) && Number.isInteger(state.panoIndex) && state.panoIndex >= 0) clean.panoIndex = state.panoIndex;
  if (finite(state.longitude)) clean.longitude = state.longitude;
  if (finite(state.latitude)) clean.latitude = Math.max(-Math.PI / 2, Math.min(Math.PI / 2, state.latitude));
  if (finite(state.fov) && state.fov > 0 && state.fov < 180) clean.fov = state.fov;
  if (finite(state.distance) && state.distance >= 0) clean.distance = state.distance;
  if (typeof state.workCode === 'string' && state.workCode !== '') clean.workCode = state.workCode;
  const offset = state.offset as Partial<Vector> | undefined;
  if (offset && finite(offset.x) && finite(offset.y) && finite(offset.z)) clean.offset = { x: offset.x, y: offset.y, z: offset.z };
  return clean;
}
