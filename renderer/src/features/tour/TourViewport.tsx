import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { measure, useReportedBounds } from '../../lib/use-reported-bounds';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { Spinner } from '../../ui/Spinner';
import { useModalOpen } from '../../ui/use-modal-open';
import { defaultTourBridge, type TourBridge } from './tour-bridge';
import { useTourSession } from './use-tour-session';
import { useTourState } from './use-tour-state';
import './tour.css';

export interface TourViewportProps {
  roomCode: string;
  /** Hide the native VR view while something of the app overlaps the area (a menu, a popover); dialogs hide it by themselves. */
  obscured?: boolean;
  /**
   * False while the screen around it says the room is not connected (reconnecting, opened elsewhere,
   * ended): the viewport then shows no words of its own, and a tour that stopped because it lost the
   * room opens again once the room is connected again. Defaults to true.
   */
  roomLive?: boolean;
  /** Defaults to window.roomdesk. */
  bridge?: TourBridge;
}

/**
 * The tour's VR: a box that fills its parent, where main draws the tour page (a native view showing
 * the room's VR, guided over the room's channel). Opens the tour on mount and leaves it on unmount;
 * shows loading and failure under/instead of the view. Give it a parent with a size.
 */
export function TourViewport({ roomCode, obscured = false, roomLive = true, bridge: givenBridge }: TourViewportProps) {
  const bridge = useMemo(() => givenBridge ?? defaultTourBridge(), [givenBridge]);
  const { t, locale } = useI18n();
  const text = t.tour;
  const area = useRef<HTMLDivElement>(null);
  const initialBounds = useCallback(() => measure(area.current), []);
  const session = useTourSession(bridge, roomCode, locale, initialBounds);
  const state = useTourState(roomCode, bridge);
  const dialogOpen = useModalOpen();
  const sendBounds = useCallback((input: Parameters<TourBridge['setTourBounds']>[0]) => bridge.setTourBounds(input), [bridge]);
  const showing = state?.phase === 'loading' || state?.phase === 'showing';
  useReportedBounds(sendBounds, area, showing && !obscured && !dialogOpen);

  const phase = session.openError ? 'failed' : (state?.phase ?? 'loading');
  const lostTheRoom = state?.failure?.reason === 'channel-failed';
  const wasLive = useRef(roomLive);
  const { reopen } = session;
  useEffect(() => {
    const cameBack = roomLive && !wasLive.current;
    wasLive.current = roomLive;
    if (cameBack && lostTheRoom) void reopen();
  }, [roomLive, lostTheRoom, reopen]);

  return (
    <div ref={area} className="tour-viewport" role="region" aria-label={text.viewportLabel} data-tour-phase={phase}>
      {!roomLive ? null : session.openError ? (
        <ErrorPanel error={session.openError} actions={<RetryButton label={text.retry} onClick={session.reopen} />} />
      ) : phase === 'failed' || (phase === 'closed' && state?.failure) ? (
        <div className="tour-viewport__notice" role="alert">
          <p>{state?.failure ? text.failure[state.failure.reason] : text.closed}</p>
          {state?.failure?.reason !== 'no-vr' && state?.failure?.reason !== 'room-ended' ? (
            <RetryButton label={text.retry} onClick={session.reopen} />
          ) : null}
        </div>
      ) : phase === 'closed' ? (
        <p className="tour-viewport__notice" role="status">
          {text.closed}
        </p>
      ) : phase !== 'showing' ? (
        <p className="tour-viewport__notice" role="status">
          <Spinner /> {text.loading}
        </p>
      ) : null}
    </div>
  );
}

function RetryButton({ label, onClick }: { label: string; onClick: () => unknown }) {
  return (
    <button type="button" className="button" onClick={() => void onClick()}>
      {label}
    </button>
  );
}
