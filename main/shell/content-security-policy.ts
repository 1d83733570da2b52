import { tryParseUrl } from './urls';
import { VOICE_VENDOR_HOSTS } from './voice-vendor-hosts';

export interface ContentSecurityPolicyInput {
  isDev: boolean;
  /** The electron-vite dev server, e.g. `http://localhost:5173`; only honoured when `isDev`. */
  devServerOrigin?: string;
  /** Lets the renderer play microphone streams (`media-src`), for voice. */
  allowMediaStreams?: boolean;
  /** Hosts (or `*.domain` patterns) the voice SDKs may reach over https and wss. */
  voiceVendorHosts?: readonly string[];
}

/** The app window's policy inputs for voice: microphone streams and the vendors' signalling hosts. */
export const appVoicePolicy = { allowMediaStreams: true, voiceVendorHosts: VOICE_VENDOR_HOSTS } as const;

/**
 * The CSP of the app renderer. The renderer needs no network (all HTTP happens in main), so
 * everything starts from `default-src 'none'`. In development only, the dev server is reachable
 * and inline scripts/styles are allowed: @vitejs/plugin-react injects an inline React Refresh
 * preamble and Vite injects CSS as <style> elements. The built app has neither.
 */
export function contentSecurityPolicy({
  isDev,
  devServerOrigin,
  allowMediaStreams = false,
  voiceVendorHosts = [],
}: ContentSecurityPolicyInput): string {
  const devServer = isDev && devServerOrigin !== undefined ? devServerSources(devServerOrigin) : null;
  const vendorSources = voiceVendorHosts.flatMap((host) => {
    if (!/^(\*\.)?[a-z0-9.-]+$/i.test(host)) throw new Error(`Not a host for the CSP: "${host}"`);
    return [`https://${host}`, `wss://${host}`];
  });
  const network = [...(devServer ? [devServer.http, devServer.socket] : []), ...vendorSources];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', devServer ? ["'self'", "'unsafe-inline'", devServer.http] : ["'self'"]],
    ['style-src', devServer ? ["'self'", "'unsafe-inline'", devServer.http] : ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', network.length > 0 ? network : ["'none'"]],
    // Voice: a future in-app voice feature plays microphone streams; nothing else needs media.
    ['media-src', allowMediaStreams ? ["'self'", 'blob:', 'mediastream:'] : ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['worker-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Directives a `<meta>` policy cannot carry: the browser ignores them there, with a console warning. */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

/**
 * The built app's policy as the `<meta http-equiv="Content-Security-Policy">` of its page. This is
 * the policy that protects the app: the built renderer is a `file://` page, and response headers
 * (hence the header main adds in `hardenSession`) do not apply to `file://` loads. The header still
 * covers the dev server's http page.
 */
export function metaContentSecurityPolicy(input: Omit<ContentSecurityPolicyInput, 'isDev' | 'devServerOrigin'>): string {
  return contentSecurityPolicy({ ...input, isDev: false })
    .split('; ')
    .filter((directive) => !HEADER_ONLY_DIRECTIVES.includes(directive.split(' ')[0]!))
    .join('; ');
}

function devServerSources(origin: string): { http: string; socket: string } {
  const parsed = tryParseUrl(origin);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    throw new Error(`The dev server origin must be an http(s) origin, got "${origin}"`);
  }
  const socketScheme = parsed.protocol === 'https:' ? 'wss:' : 'ws:';
  return { http: parsed.origin, socket: `${socketScheme}//${parsed.host}` };
}

/**
 * Response headers with our CSP added. A CSP the server already sent is kept: several policies
 * are all enforced, so adding ours can only make the page stricter, never looser.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const existing: string[] = [];
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') existing.push(...values);
    else result[name] = values;
  }
  result['Content-Security-Policy'] = [...existing, policy];
  return result;
}
