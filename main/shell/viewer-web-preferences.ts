import type { WebPreferences } from 'electron';
import { isolationPreferences } from './isolation-preferences';

/**
 * The viewer's own in-memory session: its cookies and storage never mix with the app window's,
 * and nothing it loads (a room page's URL carries a ticket) is kept in a cache on disk.
 */
export const VIEWER_PARTITION = 'roomdesk-viewer';

/**
 * Web preferences for the embedded room viewer (a WebContentsView showing Realsee's room page).
 * It runs third-party content, so it gets no preload and therefore no bridge to main at all.
 */
export function viewerWebPreferences(partition: string = VIEWER_PARTITION): WebPreferences {
  if (partition === '' || /^persist:/i.test(partition)) {
    throw new Error(`The viewer needs its own in-memory partition (a name without "persist:"), got "${partition}"`);
  }
  return { partition, ...isolationPreferences };
}
