import { useCallback, useEffect, useRef, type RefObject } from 'react';

export interface ViewerBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The part of `rect` that is not cut off by any of `clips` (the window and every scrolling ancestor),
 * or null when none of it shows. The native view cannot be clipped, only placed and sized: drawing it at
 * its full size while the page scrolls it half out of sight would cover the app's own content.
 */
export function visiblePart(rect: Box, clips: readonly Box[]): Box | null {
  // Field by field: a DOMRect's sides are getters on its prototype, which a spread would not copy.
  const part = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  for (const clip of clips) {
    part.left = Math.max(part.left, clip.left);
    part.top = Math.max(part.top, clip.top);
    part.right = Math.min(part.right, clip.right);
    part.bottom = Math.min(part.bottom, clip.bottom);
  }
  return part.right - part.left >= 1 && part.bottom - part.top >= 1 ? part : null;
}

/** The boxes that can cut an element off: the window and each ancestor that scrolls or hides overflow. */
function clipsOf(element: HTMLElement): Box[] {
  const clips: Box[] = [{ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }];
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(parent);
    if (overflowX !== 'visible' || overflowY !== 'visible') clips.push(parent.getBoundingClientRect());
  }
  return clips;
}

/** Where an embedded native view's area shows on screen, cut to what scrolling leaves visible; zero size when nothing does. */
export function measure(element: HTMLElement | null): ViewerBounds {
  const none = { x: 0, y: 0, width: 0, height: 0 };
  if (!element) return none;
  const part = visiblePart(element.getBoundingClientRect(), clipsOf(element));
  if (!part) return none;
  const clamp = (value: number) => Math.max(0, Math.min(100_000, Math.round(value)));
  return { x: clamp(part.left), y: clamp(part.top), width: clamp(part.right - part.left), height: clamp(part.bottom - part.top) };
}

/** Sends an area's bounds to main (`setViewerBounds`, `setTourBounds`). */
export type BoundsReporter = (input: { bounds: ViewerBounds; visible: boolean }) => unknown;

/**
 * Tells main where a native view's area (the room viewer, the tour) is and whether its page may be
 * drawn there. The page is a native view drawn above this window's content, so it must be hidden
 * while anything of ours (a dialog, a menu) has to appear over the area: `visible` says so.
 */
export function useReportedBounds(send: BoundsReporter, area: RefObject<HTMLElement | null>, visible: boolean) {
  const last = useRef<string>('');
  // `area` is a ref: it is read when the report runs, so the ref (not its current element) is the dependency.
  // eslint-disable-next-line react-hooks/preserve-manual-memoization
  const report = useCallback(() => {
    const bounds = measure(area.current);
    const shown = visible && document.visibilityState === 'visible' && bounds.width > 0 && bounds.height > 0;
    const key = JSON.stringify([bounds, shown]);
    if (key === last.current) return;
    last.current = key;
    void send({ bounds, visible: shown });
  }, [area, send, visible]);

  useEffect(() => {
    report();
    const element = area.current;
    const observer = new ResizeObserver(() => report());
    if (element) observer.observe(element);
    // Moving without resizing (the sidebar collapses, the page scrolls) changes x/y only.
    window.addEventListener('resize', report);
    window.addEventListener('scroll', report, true);
    document.addEventListener('visibilitychange', report);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', report);
      window.removeEventListener('scroll', report, true);
      document.removeEventListener('visibilitychange', report);
    };
  }, [area, report]);

  return report;
}
