/** What of the tour is open: the side rail, and at most one menu or dialog over the VR area. */
export interface TourLayout {
  railOpen: boolean;
  overlay: 'none' | 'hand-over-menu' | 'invite' | 'end-room';
}

export type TourLayoutAction =
  | { type: 'toggle-rail' }
  | { type: 'open'; overlay: Exclude<TourLayout['overlay'], 'none'> }
  | { type: 'close-overlay' }
  | { type: 'room-ended' };

export function tourLayoutReducer(layout: TourLayout, action: TourLayoutAction): TourLayout {
  switch (action.type) {
    case 'toggle-rail':
      return { ...layout, railOpen: !layout.railOpen };
    case 'open':
      return { ...layout, overlay: action.overlay };
    case 'close-overlay':
      return layout.overlay === 'none' ? layout : { ...layout, overlay: 'none' };
    case 'room-ended':
      // Nothing can be handed over or invited to a room that has ended.
      return layout.overlay === 'none' ? layout : { ...layout, overlay: 'none' };
  }
}

/** The native VR view is drawn above the page: it steps aside while anything of ours is over it. */
export function isVrObscured(layout: TourLayout, stage: string): boolean {
  return layout.overlay !== 'none' || stage !== 'live';
}

/** Below this width the rail starts closed, leaving the VR area the room it needs. */
export const NARROW_WINDOW = 900;

export function initialTourLayout(windowWidth: number): TourLayout {
  return { railOpen: windowWidth >= NARROW_WINDOW, overlay: 'none' };
}
