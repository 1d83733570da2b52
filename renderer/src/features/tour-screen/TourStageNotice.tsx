import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import type { LivePresence } from '../../lib/use-live-presence';
import { Spinner } from '../../ui/Spinner';
import { canReconnect, type TourStage } from './tour-state';

interface TourStageNoticeProps {
  stage: Exclude<TourStage, 'live'>;
  presence: LivePresence | null;
  onReconnect(): void;
  onBack(): void;
}

/** Why the tour is not live, in words, over the VR area, with what the agent can do about it. */
export function TourStageNotice({ stage, presence, onReconnect, onBack }: TourStageNoticeProps) {
  const t = useMessages('tourScreen');
  const now = useClock(presence?.reconnect != null);
  const words = t.stage[stage];
  const waiting = stage === 'connecting' || stage === 'reconnecting';
  const reconnect = presence?.reconnect;
  return (
    <div className={`tour-stage-notice tour-stage-notice--${stage}`} role={waiting ? 'status' : 'alert'}>
      {waiting ? <Spinner /> : null}
      <p className="tour-stage-notice__title">{words.title}</p>
      <p>{words.text}</p>
      {reconnect ? <p className="muted">{t.reconnectIn(Math.max(0, Math.ceil((reconnect.at - now) / 1000)), reconnect.attempt)}</p> : null}
      {presence?.reason && !waiting && stage !== 'ended' ? <p className="muted small">{t.reason(presence.reason)}</p> : null}
      <div className="tour-stage-notice__actions">
        {canReconnect(stage) ? (
          <button type="button" className="button button--primary" onClick={onReconnect}>
            {t.reconnect}
          </button>
        ) : null}
        {stage !== 'connecting' ? (
          <button type="button" className={`button ${stage === 'ended' ? 'button--primary' : 'button--secondary'}`} onClick={onBack}>
            {t.backToRoom}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The time, ticking each second while `running`. */
function useClock(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
