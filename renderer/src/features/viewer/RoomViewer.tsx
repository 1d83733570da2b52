import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { LivePresencePanel } from './LivePresencePanel';
import { useLivePresence } from '../../lib/use-live-presence';
import { measure, useReportedBounds } from '../../lib/use-reported-bounds';
import { useViewerSession } from './use-viewer-session';
import { defaultViewerBridge, type ViewerBridge } from './viewer-bridge';
import { ViewerStatus } from './ViewerStatus';
import { useModalOpen } from '../../ui/use-modal-open';
import { ErrorPanel } from '../../ui/ErrorPanel';
import './viewer.css';

/** A line for the agent: our own words, or a failure from main shown with its advice. */
type Notice = { text: string } | { error: AppError; lead?: string };
import { useMessages } from '../../i18n/I18nProvider';

export interface RoomViewerProps {
  /** The room to show. Changing it opens the other room (with a fresh ticket). */
  roomCode: string;
  /** Language of every string in the viewer. */
  /** "Back to room page": the host page decides where that is (the viewer is closed on unmount). */
  onBack(): void;
  /** Called after the agent closed the viewer with its own button. */
  onClosed?: () => void;
  /**
   * Set while something of the host page must be drawn over the viewer area (a menu, a dialog):
   * the room page is a native view above the window's content and is hidden meanwhile.
   */
  obscured?: boolean;
  /** The bridge to main; defaults to `window.roomdesk`. */
  bridge?: ViewerBridge;
}

type Pending = 'browser' | 'blocked' | 'end-room' | null;

/**
 * The embedded room viewer: a toolbar and the area where main shows the room page. The page
 * itself lives in main (a WebContentsView with its own session); this component reports where
 * the area is, shows the viewer's state, and never handles a ticket.
 */
export function RoomViewer({ roomCode, onBack, onClosed, obscured = false, bridge: givenBridge }: RoomViewerProps) {
  const bridge = useMemo(() => givenBridge ?? defaultViewerBridge(), [givenBridge]);
  const t = useMessages('viewer');
  const area = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [blockedDismissed, setBlockedDismissed] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [microphoneHost, setMicrophoneHost] = useState<string | null>(null);
  const session = useViewerSession(bridge, roomCode, () => measure(area.current));
  const state = session.state;
  const isLive = state?.phase === 'live-channel';
  const live = useLivePresence(bridge, roomCode, 'presence', isLive);
  const dialogOpen = useModalOpen();
  const sendBounds = useCallback((input: Parameters<typeof bridge.setViewerBounds>[0]) => bridge.setViewerBounds(input), [bridge]);
  useReportedBounds(sendBounds, area, pending === null && !obscured && !dialogOpen);

  useEffect(() => {
    if (!live.presence?.reconnect) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live.presence?.reconnect]);

  // A room page wants the microphone: main waits for the agent's answer, once per room.
  useEffect(
    () => bridge.onMicrophoneRequest((request) => setMicrophoneHost(request.roomCode === roomCode ? request.host : null)),
    [bridge, roomCode],
  );
  const answerMicrophone = (allow: boolean) => {
    setMicrophoneHost(null);
    void bridge.answerMicrophoneRequest({ roomCode, allow });
  };

  const blocked = state?.blocked && blockedDismissed !== state.updatedAt ? state.blocked : null;
  const busy = state === null || state.phase === 'loading';

  async function confirm(): Promise<void> {
    const action = pending;
    setPending(null);
    setNotice(null);
    if (action === 'browser') {
      const result = await bridge.openViewerInBrowser({ roomCode });
      if (!result.ok) setNotice({ error: result.error });
      else if (!result.value.opened) setNotice({ text: t.browserNotOpened });
    } else if (action === 'blocked') {
      const result = await bridge.openBlockedLinkInBrowser({ roomCode });
      if (!result.ok || !result.value.opened) setNotice({ text: t.browserNotOpened });
    } else if (action === 'end-room') {
      const result = await bridge.endRoom({ roomCode });
      if (!result.ok) setNotice({ error: result.error, lead: t.endRoomFailed });
    }
  }

  /** What the agent is asked before a ticket leaves for the browser or the room ends for everyone. */
  const question =
    pending === 'browser'
      ? { title: t.confirmBrowserTitle, text: t.confirmBrowserText, confirmLabel: t.confirm }
      : pending === 'blocked' && blocked
        ? { title: t.confirmBlockedTitle, text: t.confirmBlockedText(blocked.host), confirmLabel: t.confirm }
        : pending === 'end-room'
          ? { title: t.endRoomTitle, text: t.endRoomText, confirmLabel: t.endRoomConfirm, danger: true }
          : null;

  return (
    <section className="room-viewer" aria-label={t.toolbarLabel} data-viewer-phase={state?.phase ?? 'loading'}>
      <div className="room-viewer__toolbar" role="toolbar" aria-label={t.toolbarLabel}>
        <button type="button" className="button button--ghost" onClick={onBack}>
          ← {t.back}
        </button>
        <span className="room-viewer__host mono" title={state?.title ?? undefined}>
          {state?.pageHost ?? ''}
        </span>
        {!isLive ? (
          <>
            <button type="button" className="button button--secondary" onClick={() => void session.reload()} disabled={busy}>
              ⟳ {t.reload}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setPending('browser')}
              disabled={state?.phase === 'room-ended'}
            >
              {t.openInBrowser}
            </button>
          </>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void session.close().then(() => onClosed?.());
          }}
        >
          × {t.close}
        </button>
      </div>

      {blocked ? (
        <div className="room-viewer__banner" role="alert">
          <p>{t.blocked(blocked.host)}</p>
          {blocked.offerExternal ? (
            <button type="button" className="button button--small button--primary" onClick={() => setPending('blocked')}>
              {t.openBlocked}
            </button>
          ) : (
            <p className="muted small">{t.blockedNotOffered}</p>
          )}
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setBlockedDismissed(state?.updatedAt ?? null)}
          >
            {t.dismiss}
          </button>
        </div>
      ) : null}
      {microphoneHost !== null ? (
        <div className="room-viewer__banner" role="alert">
          <p>{t.microphoneAsk(microphoneHost)}</p>
          <button type="button" className="button button--small button--primary" onClick={() => answerMicrophone(true)}>
            {t.microphoneAllow}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => answerMicrophone(false)}>
            {t.microphoneDeny}
          </button>
        </div>
      ) : null}
      {notice && 'text' in notice ? (
        <p className="room-viewer__notice" role="alert">
          {notice.text}
        </p>
      ) : null}
      {notice && 'error' in notice ? <ErrorPanel error={notice.error} {...(notice.lead ? { lead: notice.lead } : {})} compact /> : null}
      {!notice && session.actionError ? <ErrorPanel error={session.actionError} compact /> : null}

      {isLive ? (
        <LivePresencePanel
          presence={live.presence}
          toasts={live.toasts}
          now={now}
          onEndRoom={() => setPending('end-room')}
          onReconnect={() => void live.reconnect()}
        />
      ) : (
        <div ref={area} className="room-viewer__area" role="region" aria-label={t.viewerArea(state?.pageHost ?? '')} aria-busy={busy}>
          <ViewerStatus state={state} onReload={() => void session.reload()} onReopen={() => void session.reopen()} />
        </div>
      )}

      {question ? (
        <ConfirmDialog
          {...question}
          cancelLabel={t.cancel}
          closeLabel={t.dialogClose}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        />
      ) : null}
    </section>
  );
}
