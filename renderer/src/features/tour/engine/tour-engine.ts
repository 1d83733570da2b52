import type { TourViewState } from './view-state';

/** The VR renderer behind the tour. Only this folder knows it is Realsee's Five. */
export interface TourEngine {
  /** Shows a Work (the gateway's Work JSON as it came); resolves once Five has taken it. */
  load(work: Record<string, unknown>, state?: Partial<TourViewState>): Promise<void>;
  /** The current view; null before a Work is loaded or after dispose. */
  getState(): TourViewState | null;
  /**
   * Moves the view. `animate` (default true) lets Five move there smoothly, as a follower of a
   * guided tour does; false jumps. Never reported as a user change. Unknown or non-finite
   * fields are dropped.
   */
  setState(state: Partial<TourViewState>, options?: { animate?: boolean }): void;
  /** Calls back on every view change the user made (drag, zoom, walking to another panorama). */
  onUserStateChange(listener: (state: TourViewState) => void): () => void;
  /** The canvas Five draws into, while it exists. */
  canvas(): HTMLCanvasElement | null;
  dispose(): void;
}

export interface TourEngineOptions {
  /** Keeps the last frame readable (screenshots, pixel checks); costs some speed. */
  preserveDrawingBuffer?: boolean;
}

/**
 * `unavailable`: the renderer's code could not be fetched; `not-allowed-here`: a signed Work on a
 * page its owner did not allow; `expired`: a Work past its validity; `load-failed`: anything else.
 */
export type TourEngineFailure = 'unavailable' | 'not-allowed-here' | 'expired' | 'load-failed' | 'disposed';

export class TourEngineError extends Error {
  constructor(
    readonly reason: TourEngineFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TourEngineError';
  }
}
