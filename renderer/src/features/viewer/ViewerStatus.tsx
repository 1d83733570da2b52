import { Spinner } from '../../ui/Spinner';
import type { ViewerState } from './viewer-bridge';
import { useI18n, useMessages } from '../../i18n/I18nProvider';

interface ViewerStatusProps {
  state: ViewerState | null;
  onReload(): void;
  onReopen(): void;
}

/** What the viewer area shows while the room page itself is not on screen. */
export function ViewerStatus({ state, onReload, onReopen }: ViewerStatusProps) {
  const t = useMessages('viewer');
  const { errors } = useI18n().t;
  const phase = state?.phase ?? 'loading';
  if (phase === 'showing' || phase === 'live-channel') return null;
  if (phase === 'loading') {
    return (
      <div className="viewer-status" role="status" aria-live="polite">
        <Spinner />
        <p>{t.phase.loading}</p>
      </div>
    );
  }
  const failure = state?.failure ?? null;
  const failureText = failure ? (failure.detail === 'session-lost' ? t.failure['session-lost'] : t.failure[failure.reason]) : null;
  return (
    <div className={`viewer-status viewer-status--${phase}`} role="alert">
      <p className="viewer-status__title">{t.phase[phase]}</p>
      {failureText ? <p>{failureText}</p> : null}
      {failure?.reason === 'room-refused' && failure.detail ? <p>{t.refusal(failure.detail)}</p> : null}
      {failure?.error ? <p>{errors.advice[failure.error.kind]}</p> : null}
      {failure?.error ? (
        <p className="viewer-status__detail">
          {errors.details}: {failure.error.message}
        </p>
      ) : null}
      {failure?.error?.requestId ? <p className="viewer-status__detail mono">{t.requestId(failure.error.requestId)}</p> : null}
      {failure?.reason === 'load-failed' && failure.detail && failure.detail !== 'session-lost' ? (
        <p className="viewer-status__detail mono">{failure.detail}</p>
      ) : null}
      {phase === 'ticket-refused' && state?.refusal ? <p>{t.refusal(state.refusal)}</p> : null}
      {phase === 'failed' ? (
        <button type="button" className="button button--primary" onClick={onReload}>
          {t.retry}
        </button>
      ) : null}
      {phase === 'ticket-refused' ? (
        <button type="button" className="button button--primary" onClick={onReload}>
          {t.retryWithNewTicket}
        </button>
      ) : null}
      {phase === 'closed' || phase === 'idle' ? (
        <button type="button" className="button button--primary" onClick={onReopen}>
          {t.openAgain}
        </button>
      ) : null}
    </div>
  );
}
