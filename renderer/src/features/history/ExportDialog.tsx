import { useId, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import { historyBridge } from './history-bridge';
import { Dialog } from '../../ui/Dialog';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { useMessages } from '../../i18n/I18nProvider';

export interface ExportDialogProps {
  /** Rooms currently selected in the list; the "selected" choice is offered when there are any. */
  selectedCodes: readonly string[];
  /** How many rooms the history holds (for the "all" label). */
  totalRooms: number;
  onClose(): void;
}

type ExportState =
  | { kind: 'idle' }
  | { kind: 'exporting' }
  | { kind: 'saved'; path: string; rooms: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: AppError };

/**
 * Exports all rooms or the selection as CSV or JSON. Main asks where to save with the system's
 * dialog and writes the file; this dialog shows where it went.
 */
export function ExportDialog({ selectedCodes, totalRooms, onClose }: ExportDialogProps) {
  const t = useMessages('history');
  const id = useId();
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [scope, setScope] = useState<'all' | 'selection'>(selectedCodes.length > 0 ? 'selection' : 'all');
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  async function runExport() {
    setState({ kind: 'exporting' });
    const result = await historyBridge().exportHistory(scope === 'selection' ? { format, codes: [...selectedCodes] } : { format });
    if (!result.ok) setState({ kind: 'failed', error: result.error });
    else if (!result.value.saved || result.value.path === null) setState({ kind: 'cancelled' });
    else setState({ kind: 'saved', path: result.value.path, rooms: result.value.rooms });
  }

  return (
    <Dialog
      title={t.exportTitle}
      onClose={onClose}
      closeLabel={t.close}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {state.kind === 'saved' ? t.close : t.cancel}
          </button>
          <button type="button" className="button button--primary" disabled={state.kind === 'exporting'} onClick={() => void runExport()}>
            {state.kind === 'exporting' ? t.exporting : t.exportStart}
          </button>
        </>
      }
    >
      <fieldset className="choices">
        <legend>{t.exportFormat}</legend>
        <label>
          <input type="radio" name={`${id}-format`} value="csv" checked={format === 'csv'} onChange={() => setFormat('csv')} />{' '}
          {t.exportCsv}
        </label>
        <label>
          <input type="radio" name={`${id}-format`} value="json" checked={format === 'json'} onChange={() => setFormat('json')} />{' '}
          {t.exportJson}
        </label>
      </fieldset>
      <fieldset className="choices">
        <legend>{t.exportScope}</legend>
        <label>
          <input type="radio" name={`${id}-scope`} value="all" checked={scope === 'all'} onChange={() => setScope('all')} />{' '}
          {t.exportAll(totalRooms)}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-scope`}
            value="selection"
            checked={scope === 'selection'}
            disabled={selectedCodes.length === 0}
            onChange={() => setScope('selection')}
          />{' '}
          {t.exportSelection(selectedCodes.length)}
        </label>
      </fieldset>
      <div role="status" aria-live="polite" className="rd-export-result">
        {state.kind === 'saved' ? (
          <p className="rd-notice rd-notice--success">
            {t.exportSaved(state.rooms)}{' '}
            <code className="rd-path" data-export-path="">
              {state.path}
            </code>
          </p>
        ) : state.kind === 'cancelled' ? (
          <p className="rd-notice">{t.exportCancelled}</p>
        ) : null}
      </div>
      {state.kind === 'failed' ? <ErrorPanel error={state.error} lead={t.exportFailed} compact /> : null}
    </Dialog>
  );
}
