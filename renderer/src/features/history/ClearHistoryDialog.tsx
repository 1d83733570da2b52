import { useId, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import { historyBridge } from './history-bridge';
import { Dialog } from '../../ui/Dialog';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { useMessages } from '../../i18n/I18nProvider';

export interface ClearHistoryDialogProps {
  onClose(): void;
  /** Every record is gone; lists should reload. */
  onCleared(): void;
}

/** Removes every saved room, once the agent has typed the confirmation word. */
export function ClearHistoryDialog({ onClose, onCleared }: ClearHistoryDialogProps) {
  const t = useMessages('history');
  const id = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const confirmed = typed.trim() === t.clearWord;

  async function clear() {
    if (!confirmed) return;
    setBusy(true);
    const result = await historyBridge().clearHistory({ confirm: true });
    setBusy(false);
    if (result.ok) onCleared();
    else setError(result.error);
  }

  return (
    <Dialog
      title={t.clearTitle}
      onClose={onClose}
      closeLabel={t.close}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="button" className="button button--danger" disabled={!confirmed || busy} onClick={() => void clear()}>
            {busy ? t.clearing : t.clearConfirm}
          </button>
        </>
      }
    >
      <p>{t.clearText}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void clear();
        }}
      >
        <label htmlFor={`${id}-word`}>{t.clearPrompt(t.clearWord)}</label>
        <input
          id={`${id}-word`}
          className="rd-input"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          data-autofocus=""
          onChange={(event) => setTyped(event.target.value)}
        />
      </form>
      {error ? <ErrorPanel error={error} lead={t.clearFailed} compact /> : null}
    </Dialog>
  );
}
