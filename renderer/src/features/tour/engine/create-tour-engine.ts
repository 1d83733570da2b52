import { TourEngineError, type TourEngine, type TourEngineOptions } from './tour-engine';
import { sanitizeViewState, toViewState, type TourViewState } from './view-state';

/**
 * Starts Realsee's Five in `container`. Five and three.js are fetched here, on first use, as a
 * chunk of their own: nothing is loaded until a tour opens.
 */
export async function createTourEngine(container: HTMLElement, options: TourEngineOptions = {}): Promise<TourEngine> {
  let fiveModule: typeof import('@realsee/five');
  try {
    fiveModule = await import('@realsee/five');
  } catch (cause) {
    throw new TourEngineError('unavailable', 'The VR renderer could not be loaded.', { cause });
  }

  const five = new fiveModule.Five({
    preserveDrawingBuffer: options.preserveDrawingBuffer ?? false,
    backgroundColor: 0x181a1c,
  });
  five.appendTo(container);
  const resize = new ResizeObserver(() => five.refresh());
  resize.observe(container);

  const listeners = new Set<(state: TourViewState) => void>();
  let loaded = false;
  let disposed = false;

  five.on('stateChange', (state, userAction) => {
    if (!userAction || disposed) return;
    const view = toViewState(state);
    for (const listener of [...listeners]) listener(view);
  });

  return {
    async load(work, state) {
      if (disposed) throw new TourEngineError('disposed', 'The VR view was closed.');
      try {
        // Five's load takes a camera offset only as a THREE.Vector3; the pano's own position is used instead.
        const { offset: _offset, ...start } = sanitizeViewState(state ?? {});
        const initial = Object.keys(start).length > 0 ? start : 'initial';
        await five.load(work as Parameters<typeof five.load>[0], initial as Parameters<typeof five.load>[1], undefined, false);
      } catch (cause) {
        throw loadFailure(cause);
      }
      // Five takes a Work it cannot read without complaint and shows nothing: say so.
      if (five.observers.length === 0) throw new TourEngineError('load-failed', 'The VR has no panoramas to show.');
      loaded = true;
    },

    getState: () => (loaded && !disposed ? toViewState(five.getCurrentState()) : null),

    setState(state, { animate = true } = {}) {
      if (!loaded || disposed) return;
      const clean = sanitizeViewState(state);
      if (Object.keys(clean).length > 0) five.setState(clean as Parameters<typeof five.setState>[0], !animate, false);
    },

    onUserStateChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    canvas: () => (disposed ? null : (five.getElement() ?? null)),

    dispose() {
      if (disposed) return;
      disposed = true;
      listeners.clear();
      resize.disconnect();
      five.dispose();
      five.getElement()?.remove();
    },
  };
}

/**
 * Five refuses a Work it may not show on this page with these texts (signature, certificate or
 * host checks, which it skips on localhost, IP and file:// pages) or when its validity has ended.
 */
function loadFailure(cause: unknown): TourEngineError {
  const text = cause instanceof Error ? cause.message : String(cause);
  if (/Invalid certificate|Invalid signature|is not allowed/.test(text)) {
    return new TourEngineError('not-allowed-here', 'This VR may not be shown on this page: its owner allows other hosts.', { cause });
  }
  if (/\) expired\./.test(text))
    return new TourEngineError('expired', 'This VR may no longer be shown: its permission has expired.', { cause });
  return new TourEngineError('load-failed', 'The VR could not be shown.', { cause });
}
