import { useEffect, useState } from 'react';
import type { HistoryStartupReport, HistoryState } from '../../../../common/history';
import { historyBridge } from './history-bridge';
import { useMessages } from '../../i18n/I18nProvider';

export interface StartupReportBannerProps {
  /** The report to show; when omitted the banner asks main (`getHistoryStatus`). */
  report?: HistoryStartupReport | null;
  onDismiss?(): void;
}

/**
 * Tells the agent, once, that the history file could not be used as it was: where it was moved,
 * that nothing was deleted, or that it was migrated with a backup. While the history loads after a
 * start it says so, and whenever a save fails it says that too (until a later save works).
 */
export function StartupReportBanner({ report: given, onDismiss }: StartupReportBannerProps) {
  const t = useMessages('history');
  const [fetched, setFetched] = useState<HistoryStartupReport | null>(null);
  const [state, setState] = useState<HistoryState | null>(null);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (given !== undefined) return;
    let live = true;
    const fetchStatus = () =>
      void historyBridge()
        .getHistoryStatus()
        .then((result) => {
          if (!live || !result.ok) return;
          setFetched(result.value.startupReport);
          setState(result.value.state);
        });
    const unsubscribe = historyBridge().onHistoryState?.((next) => {
      setState(next);
      if (next.load === 'ready') fetchStatus();
    });
    fetchStatus();
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [given]);

  if (given === undefined && state?.load === 'loading') {
    return (
      <p className="rd-banner rd-banner--info" role="status" data-history-loading>
        {t.historyLoading}
      </p>
    );
  }
  if (given === undefined && state?.saveProblem) {
    return (
      <section className="rd-banner rd-banner--warning" role="alert" aria-label={t.saveFailedTitle} data-history-save-failed>
        <div className="rd-banner__text">
          <strong>{t.saveFailedTitle}</strong>
          <p>{t.saveFailedText}</p>
          <p className="rd-muted rd-small">
            {t.startupReason} {state.saveProblem.error.message}
          </p>
        </div>
      </section>
    );
  }

  const report = given !== undefined ? given : fetched;
  if (!report || dismissed || report.outcome === 'new' || report.outcome === 'loaded') return null;
  const setAside = report.outcome === 'quarantined' || report.outcome === 'unreadable' || report.outcome === 'set-aside';

  return (
    <section
      className={`rd-banner ${setAside ? 'rd-banner--warning' : 'rd-banner--info'}`}
      role="alert"
      aria-label={setAside ? t.startupTitle : undefined}
      data-startup-report={report.outcome}
    >
      <div className="rd-banner__text">
        {setAside ? <strong>{t.startupTitle}</strong> : null}
        <p>
          {report.outcome === 'quarantined'
            ? t.startupQuarantined
            : report.outcome === 'unreadable'
              ? t.startupUnreadable
              : report.outcome === 'set-aside'
                ? t.startupSetAside(report.setAsideCount ?? 0)
                : t.startupMigrated(report.migratedFrom)}
        </p>
        {report.outcome === 'migrated' && report.setAsideCount ? <p>{t.startupSetAside(report.setAsideCount)}</p> : null}
        {report.movedTo ? (
          <p>
            {t.startupMovedTo} <code className="rd-path">{report.movedTo}</code>
          </p>
        ) : null}
        {report.backupPath ? (
          <p>
            {t.startupBackup} <code className="rd-path">{report.backupPath}</code>
          </p>
        ) : null}
        {report.problem ? (
          <p className="rd-muted rd-small">
            {t.startupReason} {report.problem.message}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          setDismissed(true);
          onDismiss?.();
        }}
      >
        {t.dismiss}
      </button>
    </section>
  );
}
