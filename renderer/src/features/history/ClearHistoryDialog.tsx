import { useId, useState } from 'react';
import { historyBridge } from './history-bridge';
import { ModalDialog } from './ModalDialog';
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
  const [error, setError] = useState<string | null>(null);
  const confirmed = typed.trim() === t.clearWord;

  async function clear() {
    if (!confirmed) return;
    setBusy(true);
    const result = await historyBridge().clearHistory({ confirm: true });
    setBusy(false);
    if (result.ok) onCleared();
    else setError(result.error.message);
  }

  return (
    <ModalDialog
      title={t.clearTitle}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="rd-button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="button" className="rd-button rd-button--danger" disabled={!confirmed || busy} onClick={() => void clear()}>
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
        <input id={`${id}-word`} className="rd-input" value={typed} autoComplete="off" spellCheck={false} autoFocus onChange={(event) => setTyped(event.target.value)} />
      </form>
      {error ? (
        <p className="rd-notice rd-notice--error" role="alert">
          {t.clearFailed}: {error}
        </p>
      ) : null}
    </ModalDialog>
  );
}
