/** Parses a URL without throwing; `null` when the text is not an absolute URL. */
export function tryParseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

export function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

export { isAllowedTransport, isLoopbackHostname } from '../../common/transport';
