import { matchesHostRule, parseHostRules } from './host-rules';
import { tryParseUrl } from './urls';

export interface PermissionQuery {
  /** Electron's permission name (`media`, `geolocation`, `notifications`, …). */
  permission: string;
  /** Origin or URL of the frame asking. */
  requestingOrigin: string;
  /** Top-level page's origin or URL when a subframe asks; it must be allowed too. */
  embeddingOrigin?: string;
  /** For `media`: what is asked for (`audio`, `video`, or `unknown` in permission checks). */
  mediaTypes?: readonly string[];
  isViewer: boolean;
  /**
   * Where the microphone may be used. App window: the app's own origin (`file:` for the built app,
   * the dev server's origin in development). Viewer: the room origin plus `vr_allow_hosts` entries.
   */
  allowedOrigins: readonly string[];
  /** The user's voice switch: while it is off, no page gets the microphone. */
  voiceEnabled: boolean;
}

/**
 * Deny by default. Two grants: the microphone (audio only, never camera or screen) while voice is
 * enabled, to an allowed origin; and, for the app window's own page only, writing plain text to
 * the clipboard ("Copy link", "Copy details"). Local files count only for the app window.
 */
export function decidePermission(query: PermissionQuery): boolean {
  if (query.permission === 'clipboard-sanitized-write') return !query.isViewer && isFromAllowedOrigin(query);
  if (query.permission !== 'media' || !query.voiceEnabled) return false;
  const mediaTypes = query.mediaTypes ?? [];
  if (mediaTypes.length === 0 || !mediaTypes.every((type) => type === 'audio')) return false;
  return isFromAllowedOrigin(query);
}

function isFromAllowedOrigin(query: PermissionQuery): boolean {
  const rules = parseHostRules(query.allowedOrigins).filter((rule) => !query.isViewer || rule.kind === 'web');
  const isAllowed = (text: string): boolean => {
    const url = tryParseUrl(text);
    return url !== null && rules.some((rule) => matchesHostRule(url, rule));
  };
  return isAllowed(query.requestingOrigin) && (query.embeddingOrigin === undefined || isAllowed(query.embeddingOrigin));
}

/** The agent's answer for the room in the viewer: asked once per room, kept for the app's run. */
export type MicrophoneConsent = 'granted' | 'denied' | 'unasked';

/**
 * The viewer's microphone needs both the rules (`decidePermission`) and the agent's yes for this
 * room; while the agent has not answered, the page waits for the question ('ask').
 */
export function decideViewerMicrophone(query: PermissionQuery, consent: MicrophoneConsent): 'grant' | 'deny' | 'ask' {
  if (query.permission !== 'media' || !decidePermission(query)) return 'deny';
  if (consent === 'unasked') return 'ask';
  return consent === 'granted' ? 'grant' : 'deny';
}
