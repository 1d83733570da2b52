import { useEffect, useState } from 'react';
import type { HistoryStartupReport } from '../../../../common/history';
import { historyBridge } from './history-bridge';
import { useMessages } from '../../i18n/I18nProvider';

export interface StartupReportBannerProps {
  /** The report to show; when omitted the banner asks main (`getHistoryStatus`). */
  report?: HistoryStartupReport | null;
  onDismiss?(): void;
}

/**
 * Tells the agent, once, that the history file could not be used as it was: where it was moved,
 * that nothing was deleted, or that it was migrated with a backup.
 */
export function StartupReportBanner({ report: given, onDismiss }: StartupReportBannerProps) {
  const t = useMessages('history');
  const [fetched, setFetched] = useState<HistoryStartupReport | null>(null);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (given !== undefined) return;
    let live = true;
    void historyBridge()
      .getHistoryStatus()
      .then((result) => {
        if (live && result.ok) setFetched(result.value.startupReport);
      });
    return () => {
      live = false;
    };
  }, [given]);

  const report = given !== undefined ? given : fetched;
  if (!report || dismissed || report.outcome === 'new' || report.outcome === 'loaded') return null;
  const setAside = report.outcome === 'quarantined' || report.outcome === 'unreadable';

  return (
    <section className={`rd-banner ${setAside ? 'rd-banner--warning' : 'rd-banner--info'}`} role="alert" aria-label={setAside ? t.startupTitle : undefined} data-startup-report={report.outcome}>
      <div className="rd-banner__text">
        {setAside ? <strong>{t.startupTitle}</strong> : null}
        <p>
          {report.outcome === 'quarantined' ? t.startupQuarantined : report.outcome === 'unreadable' ? t.startupUnreadable : t.startupMigrated(report.migratedFrom)}
        </p>
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
