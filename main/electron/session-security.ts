import type { App, Session, WebContents } from 'electron';
import { contentSecurityPolicy, withContentSecurityPolicy, type ContentSecurityPolicyInput } from '../shell/content-security-policy';
import { decidePermission, decideViewerMicrophone, type MicrophoneConsent } from '../shell/permissions';

interface CommonHardening {
  /** Read on every decision, so a room switch or a settings change applies at once. */
  allowedOrigins: () => readonly string[];
  voiceEnabled: () => boolean;
  /** Asks the operating system for microphone access after we granted it (macOS). */
  confirmMicrophoneAccess?: () => Promise<boolean>;
}

interface FrameContext {
  isMainFrame: boolean;
  contents: WebContents | null;
  embeddingOrigin?: string | undefined;
}

/** The agent's per-room answer for the viewer's microphone (main/viewer/microphone-consent.ts). */
export interface ViewerMicrophoneConsent {
  state(): MicrophoneConsent;
  ask(requestingUrl: string): Promise<boolean>;
}

/** The page's URL, or null when there is no page or it is already destroyed (its getters throw then). */
function liveUrl(contents: WebContents | null): string | null {
  if (!contents || contents.isDestroyed()) return null;
  return contents.getURL();
}

export type SessionHardening =
  | (CommonHardening & { isViewer: true; microphoneConsent: ViewerMicrophoneConsent })
  | (CommonHardening & { isViewer: false; contentSecurity: ContentSecurityPolicyInput });

/**
 * Deny-by-default permissions (microphone only, see `decidePermission`), no device access, no
 * downloads, and for the app session a CSP header on every response it loads.
 */
export function hardenSession(session: Session, options: SessionHardening): void {
  const query = (permission: string, requestingUrl: string, frame: FrameContext, mediaTypes: readonly string[]) => ({
    permission,
    requestingOrigin: requestingUrl,
    // A subframe is judged together with the page embedding it; an unknown embedder is denied.
    ...(frame.isMainFrame ? {} : { embeddingOrigin: liveUrl(frame.contents) ?? frame.embeddingOrigin ?? '' }),
    mediaTypes,
    isViewer: options.isViewer,
    allowedOrigins: options.allowedOrigins(),
    voiceEnabled: options.voiceEnabled(),
  });
  /** In the viewer the microphone also needs the agent's yes for the room; 'ask' waits for it. */
  const decide = (
    permission: string,
    requestingUrl: string,
    frame: FrameContext,
    mediaTypes: readonly string[],
  ): 'grant' | 'deny' | 'ask' => {
    const asked = query(permission, requestingUrl, frame, mediaTypes);
    if (options.isViewer && permission === 'media') return decideViewerMicrophone(asked, options.microphoneConsent.state());
    return decidePermission(asked) ? 'grant' : 'deny';
  };

  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const decision = decide(permission, details.requestingUrl, { isMainFrame: details.isMainFrame, contents }, mediaTypes);
    const asksOs = permission === 'media' && options.confirmMicrophoneAccess !== undefined;
    if (decision === 'deny' || (decision === 'grant' && !asksOs)) return callback(decision === 'grant');
    const agentSaid = decision === 'ask' && options.isViewer ? options.microphoneConsent.ask(details.requestingUrl) : Promise.resolve(true);
    void agentSaid
      .then((granted) => {
        // Our own grant is not enough where the OS guards the microphone too (macOS): ask it as well.
        if (granted && asksOs) return options.confirmMicrophoneAccess!();
        return granted;
      })
      .then(callback, () => callback(false));
  });
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => {
    const origin = details.securityOrigin ?? details.requestingUrl ?? requestingOrigin;
    const mediaTypes = details.mediaType ? [details.mediaType] : [];
    return (
      decide(permission, origin, { isMainFrame: details.isMainFrame, contents, embeddingOrigin: details.embeddingOrigin }, mediaTypes) ===
      'grant'
    );
  });
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());

  if (!options.isViewer) {
    // Applies to pages served over http(s) (the dev server). The built app's file:// page is
    // covered by its <meta> policy (metaContentSecurityPolicy): headers do not reach file:// loads.
    const policy = contentSecurityPolicy(options.contentSecurity);
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
    });
  }
}

/**
 * Defence in depth for every webContents the app ever creates (app window, viewer, devtools):
 * no popups and no <webview>. Windows that route links elsewhere install their own handler
 * afterwards, which replaces this one.
 */
export function installAppWideGuards(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/**
 * Keeps one running instance per user-data directory. Returns false (and quits) in a second
 * instance, whose start is reported to the first one through `onSecondInstance`.
 */
export function acquireSingleInstance(app: App, onSecondInstance: (argv: string[], workingDirectory: string) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondInstance(argv, workingDirectory));
  return true;
}
