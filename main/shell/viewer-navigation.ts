import { isSafeExternalUrl } from './external-url';
import { matchesHostRule, originRuleOf, parseHostRules, type HostRule } from './host-rules';
import { hasCredentials, tryParseUrl } from './urls';

export interface ViewerNavigationScope {
  /** The room page's origin (or its full URL): always allowed. */
  roomOrigin: string;
  /** Realsee's `vr_allow_hosts`: `host`, `host:port`, `*.host` or an origin; see host-rules.ts. */
  allowedHosts: readonly string[];
}

export type ViewerNavigationDecision = 'allow' | { deny: true; offerExternal: boolean };

/**
 * Whether the viewer may go to `targetUrl`. Origins are compared parsed, never by string prefix.
 * A denied https page can be offered to the system browser instead.
 */
export function decideViewerNavigation(targetUrl: string, scope: ViewerNavigationScope): ViewerNavigationDecision {
  const target = tryParseUrl(targetUrl);
  const deny = { deny: true as const, offerExternal: isSafeExternalUrl(targetUrl) };
  if (!target || hasCredentials(target)) return { deny: true, offerExternal: false };
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return deny;
  return viewerRules(scope).some((rule) => matchesHostRule(target, rule)) ? 'allow' : deny;
}

/** The viewer never shows local files, whatever the list says. */
export function viewerRules({ roomOrigin, allowedHosts }: ViewerNavigationScope): HostRule[] {
  const roomRule = originRuleOf(roomOrigin);
  return [...(roomRule ? [roomRule] : []), ...parseHostRules(allowedHosts)].filter((rule) => rule.kind === 'web');
}
