import { useState } from 'react';
import { historyBridge } from './history-bridge';
import { ModalDialog } from './ModalDialog';
import { useMessages } from '../../i18n/I18nProvider';

/** Confirms, then deletes one room's record from the local history. */
export function DeleteRoomDialog({ roomCode, onClose, onDeleted }: { roomCode: string; onClose(): void; onDeleted(): void }) {
  const t = useMessages('history');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    const result = await historyBridge().deleteHistoryRoom({ roomCode });
    setBusy(false);
    if (result.ok) onDeleted();
    else setError(result.error.message);
  }

  return (
    <ModalDialog
      title={t.deleteTitle}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="rd-button" onClick={onClose} autoFocus>
            {t.cancel}
          </button>
          <button type="button" className="rd-button rd-button--danger" disabled={busy} onClick={() => void remove()}>
            {t.deleteConfirm}
          </button>
        </>
      }
    >
      <p>{t.deleteText(roomCode)}</p>
      {error ? (
        <p className="rd-notice rd-notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </ModalDialog>
  );
}
