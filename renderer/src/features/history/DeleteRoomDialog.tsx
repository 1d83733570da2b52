import { useState } from 'react';
import type { AppError } from '../../../../common/errors';
import { historyBridge } from './history-bridge';
import { Dialog } from '../../ui/Dialog';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { useMessages } from '../../i18n/I18nProvider';

/** Confirms, then deletes one room's record from the local history. */
export function DeleteRoomDialog({ roomCode, onClose, onDeleted }: { roomCode: string; onClose(): void; onDeleted(): void }) {
  const t = useMessages('history');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function remove() {
    setBusy(true);
    const result = await historyBridge().deleteHistoryRoom({ roomCode });
    setBusy(false);
    if (result.ok) onDeleted();
    else setError(result.error);
  }

  return (
    <Dialog
      title={t.deleteTitle}
      onClose={onClose}
      closeLabel={t.close}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onClose} data-autofocus="">
            {t.cancel}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void remove()}>
            {t.deleteConfirm}
          </button>
        </>
      }
    >
      <p>{t.deleteText(roomCode)}</p>
      {error ? <ErrorPanel error={error} compact /> : null}
    </Dialog>
  );
}
