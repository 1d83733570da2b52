import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { ViewerBridge } from './viewer-bridge';

export interface ViewerBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function measure(element: HTMLElement | null): ViewerBounds {
  if (!element) return { x: 0, y: 0, width: 0, height: 0 };
  const rect = element.getBoundingClientRect();
  const clamp = (value: number) => Math.max(0, Math.min(100_000, Math.round(value)));
  return { x: clamp(rect.left), y: clamp(rect.top), width: clamp(rect.width), height: clamp(rect.height) };
}

/**
 * Tells main where the viewer area is and whether the page may be drawn there. The page is a
 * native view drawn above this window's content, so it must be hidden while anything of ours
 * (a dialog, a menu) has to appear over the area: `visible` says so.
 */
export function useReportedBounds(bridge: ViewerBridge, area: RefObject<HTMLElement | null>, visible: boolean) {
  const last = useRef<string>('');
  // `area` is a ref: it is read when the report runs, so the ref (not its current element) is the dependency.
  // eslint-disable-next-line react-hooks/preserve-manual-memoization
  const report = useCallback(() => {
    const bounds = measure(area.current);
    const shown = visible && document.visibilityState === 'visible';
    const key = JSON.stringify([bounds, shown]);
    if (key === last.current) return;
    last.current = key;
    void bridge.setViewerBounds({ bounds, visible: shown });
  }, [area, bridge, visible]);

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
