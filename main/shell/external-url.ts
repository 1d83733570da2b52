import { hasCredentials, tryParseUrl } from './urls';

/** Whether a URL may be handed to the operating system's browser: https only, a host, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = tryParseUrl(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.hostname !== '' && !hasCredentials(parsed);
}
