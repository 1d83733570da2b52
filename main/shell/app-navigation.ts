import { pathToFileURL } from 'node:url';
import { hasCredentials, tryParseUrl } from './urls';

export type RendererEntry = { file: string } | { url: string };

/** The URL the app window loads: the built `index.html` as a file URL, or the dev server's URL. */
export function rendererEntryUrl(entry: RendererEntry): string {
  return 'file' in entry ? pathToFileURL(entry.file).href : entry.url;
}

/** The origins the app window's own page runs on, as `decidePermission` expects them. */
export function rendererEntryOrigins(entry: RendererEntry): string[] {
  if ('file' in entry) return ['file:'];
  const parsed = tryParseUrl(entry.url);
  return parsed ? [parsed.origin] : [];
}

/**
 * The app window only ever shows its own entry page. Scheme, host (with port) and path must all
 * equal the entry's once parsed; query and fragment may differ (in-page routing).
 */
export function decideAppNavigation(targetUrl: string, appEntryUrl: string): 'allow' | 'deny' {
  const target = tryParseUrl(targetUrl);
  const entry = tryParseUrl(appEntryUrl);
  if (!target || !entry || hasCredentials(target)) return 'deny';
  if (target.protocol !== 'file:' && target.protocol !== 'http:' && target.protocol !== 'https:') return 'deny';
  const same = target.protocol === entry.protocol && target.host === entry.host && target.pathname === entry.pathname;
  return same ? 'allow' : 'deny';
}
