import { useCallback, useState } from 'react';
import { ClearHistoryDialog } from './ClearHistoryDialog';
import { ExportDialog } from './ExportDialog';
import { HistoryList } from './HistoryList';
import { HistoryRoomView } from './HistoryRoomView';
import { OfflineBanner } from './OfflineBanner';
import { StartupReportBanner } from './StartupReportBanner';
import { useMessages } from '../../i18n/I18nProvider';

export interface HistoryScreenProps {
  /** Profiles for the profile filter (id + label shown to the agent). */
  profiles?: ReadonlyArray<{ id: string; label: string }>;
  /** Opens this room's saved page first (e.g. from a link elsewhere in the app). */
  initialRoomCode?: string;
  /** False when the app shell already shows `StartupReportBanner` and `OfflineBanner` itself. */
  showBanners?: boolean;
}

/**
 * The whole history review: startup and offline banners, the searchable list with export and
 * clear-all, and a room's saved page. Mount it as one screen, or use the parts on their own.
 */
export function HistoryScreen({ profiles, initialRoomCode, showBanners = true }: HistoryScreenProps) {
  const t = useMessages('history');
  const [openRoom, setOpenRoom] = useState<string | null>(initialRoomCode ?? null);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [total, setTotal] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'export' | 'clear' | null>(null);
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((value) => value + 1), []);

  return (
    <div className="rd-history" data-history-screen="">
      {showBanners ? (
        <>
          <StartupReportBanner />
          <OfflineBanner />
        </>
      ) : null}
      {openRoom !== null ? (
        <HistoryRoomView
          key={openRoom}
          roomCode={openRoom}
          onBack={() => setOpenRoom(null)}
          onChanged={changed}
          onDeleted={() => {
            setSelection((previous) => new Set([...previous].filter((code) => code !== openRoom)));
            setOpenRoom(null);
            changed();
          }}
        />
      ) : null}
      <div hidden={openRoom !== null}>
        <header className="rd-history__header">
          <div>
            <h1>{t.screenTitle}</h1>
            <p className="rd-muted">{t.screenSubtitle}</p>
          </div>
          <div className="rd-row-actions">
            <button type="button" className="button button--secondary" onClick={() => setDialog('export')} disabled={!total}>
              {t.exportButton}
            </button>
            <button type="button" className="button button--ghost danger-text" onClick={() => setDialog('clear')} disabled={!total}>
              {t.clearButton}
            </button>
          </div>
        </header>
        <HistoryList
          onOpenRoom={setOpenRoom}
          selection={selection}
          onSelectionChange={setSelection}
          refreshKey={version}
          onTotalChange={setTotal}
          {...(profiles ? { profiles } : {})}
        />
      </div>
      {dialog === 'export' ? <ExportDialog selectedCodes={[...selection]} totalRooms={total ?? 0} onClose={() => setDialog(null)} /> : null}
      {dialog === 'clear' ? (
        <ClearHistoryDialog
          onClose={() => setDialog(null)}
          onCleared={() => {
            setDialog(null);
            setSelection(new Set());
            changed();
          }}
        />
      ) : null}
    </div>
  );
}
