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

/** Loopback hosts, as the WHATWG URL parser normalises them. */
export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
