import { hasCredentials, isLoopbackHostname, tryParseUrl } from './urls';

/**
 * Where web content may come from, written the way Realsee's `vr_allow_hosts` and our own settings
 * give it:
 *   - `host` or `host:port`     → https on exactly that host; a bare host means the default port 443.
 *   - `*.host` / `*.host:port`  → https on any subdomain of host (not host itself), like a CSP host-source.
 *   - `https://host[:port]/…`   → that exact origin (a path is ignored, so a room link works as is);
 *                                 `http://` is accepted for loopback hosts only (the embedded sandbox
 *                                 gateway), never for the internet.
 *   - `file:`                   → any local file (only meaningful for the app window's own entry).
 * A bare host deliberately does NOT cover its subdomains: `vr_allow_hosts` semantics are undocumented,
 * and widening an allow-list by guesswork is the wrong direction to fail in. Subdomains need `*.`,
 * and a wildcard must name a site, not a public suffix (see `isSiteWideEnough`).
 */
export type HostRule =
  { kind: 'file' } | { kind: 'web'; scheme: 'https:' | 'http:'; hostname: string; port: string; includeSubdomains: boolean };

const FORBIDDEN_IN_BARE_HOST = /[/\\@?#\s]/;

export function parseHostRule(entry: string): HostRule | null {
  const text = entry.trim();
  if (text === '') return null;
  if (/^file:/i.test(text)) return { kind: 'file' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return originRuleOf(text);

  const includeSubdomains = text.startsWith('*.');
  const hostPart = includeSubdomains ? text.slice(2) : text;
  if (hostPart === '' || hostPart.includes('*') || FORBIDDEN_IN_BARE_HOST.test(hostPart)) return null;
  const parsed = tryParseUrl(`https://${hostPart}`);
  if (!parsed || parsed.hostname === '' || parsed.pathname !== '/') return null;
  if (includeSubdomains && !isSiteWideEnough(parsed.hostname)) return null;
  return { kind: 'web', scheme: 'https:', hostname: parsed.hostname, port: parsed.port, includeSubdomains };
}

/**
 * Whether `*.hostname` stays inside one site. Without a copy of the public suffix list, the rule
 * is: at least two labels (`*.com`, `*.cn` are refused), and at least three when the last two are
 * both three characters or fewer, the shape of country second levels like `co.uk`, `com.cn`,
 * `net.au` (so `*.com.cn` is refused, `*.realsee.cn` and `*.example.co.uk` are kept). It can
 * refuse a real short site (`*.qq.cn`): refusing too much fails safe, the room host can list it.
 * IP addresses have no subdomains.
 */
function isSiteWideEnough(hostname: string): boolean {
  if (hostname.startsWith('[') || /^\d+(\.\d+){3}$/.test(hostname)) return false;
  const labels = hostname.split('.').filter((label) => label !== '');
  if (labels.length < 2) return false;
  const [secondLast, last] = labels.slice(-2) as [string, string];
  return labels.length >= 3 || secondLast.length > 3 || last.length > 3;
}

/** The rule allowing exactly the origin of `url` (its path, query and fragment are ignored). */
export function originRuleOf(urlText: string): HostRule | null {
  const parsed = tryParseUrl(urlText);
  if (!parsed || hasCredentials(parsed) || parsed.hostname === '') return null;
  return ruleForOrigin(parsed);
}

function ruleForOrigin(url: URL): HostRule | null {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHostname(url.hostname))) {
    return { kind: 'web', scheme: url.protocol, hostname: url.hostname, port: url.port, includeSubdomains: false };
  }
  return null;
}

/** Compares parsed parts only: scheme, normalised (lower-case, punycode) hostname and effective port. */
export function matchesHostRule(url: URL, rule: HostRule): boolean {
  if (hasCredentials(url)) return false;
  if (rule.kind === 'file') return url.protocol === 'file:';
  if (url.protocol !== rule.scheme || url.port !== rule.port) return false;
  return rule.includeSubdomains ? url.hostname.endsWith(`.${rule.hostname}`) : url.hostname === rule.hostname;
}

export function parseHostRules(entries: readonly string[]): HostRule[] {
  return entries.map(parseHostRule).filter((rule): rule is HostRule => rule !== null);
}
