import type { WebPreferences } from 'electron';
import { isolationPreferences } from './isolation-preferences';

/** The viewer's own persistent session: its cookies and storage never mix with the app window's. */
export const VIEWER_PARTITION = 'persist:roomdesk-viewer';

/**
 * Web preferences for the embedded room viewer (a WebContentsView showing Realsee's room page).
 * It runs third-party content, so it gets no preload and therefore no bridge to main at all.
 */
export function viewerWebPreferences(partition: string = VIEWER_PARTITION): WebPreferences {
  if (!partition.startsWith('persist:') || partition === 'persist:') {
    throw new Error(`The viewer needs its own persistent partition ("persist:<name>"), got "${partition}"`);
  }
  return { partition, ...isolationPreferences };
}
