import { isAllowedTransport, tryParseUrl } from '../shell/urls';

/**
 * Whether a room link may be handed to the system browser: https like any external link, or
 * plain http on loopback (the embedded sandbox gateway's room page, which never leaves the machine).
 */
export function mayOpenRoomInBrowser(url: string): boolean {
  return isAllowedTransport(url, ['web']);
}

/** The host part shown to the agent for a refused link; never its path or query. */
export function displayHost(url: string): string {
  const parsed = tryParseUrl(url);
  if (parsed === null) return '';
  return parsed.host !== '' ? parsed.host : parsed.protocol.replace(/:$/, '');
}
