export { APP_BACKGROUND_COLOR, APP_TITLE, appWindowOptions, type AppWindowOptionsInput } from './app-window-options';
export { decideAppNavigation, rendererEntryOrigins, rendererEntryUrl, type RendererEntry } from './app-navigation';
export { contentSecurityPolicy, withContentSecurityPolicy, type ContentSecurityPolicyInput } from './content-security-policy';
export { isSafeExternalUrl } from './external-url';
export { matchesHostRule, originRuleOf, parseHostRule, parseHostRules, type HostRule } from './host-rules';
export { decidePermission, type PermissionQuery } from './permissions';
export { decideViewerNavigation, viewerRules, type ViewerNavigationDecision, type ViewerNavigationScope } from './viewer-navigation';
export { VIEWER_PARTITION, viewerWebPreferences } from './viewer-web-preferences';
