import { shell } from 'electron';
import { isSafeExternalUrl } from '../shell/external-url';

/**
 * Opens an https URL in the system browser. Anything else (file:, custom schemes, credentials in
 * the URL) is refused: `shell.openExternal` would hand it to whatever the OS has registered.
 * Resolves to whether the URL was handed over.
 */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(new URL(url).href);
  return true;
}
