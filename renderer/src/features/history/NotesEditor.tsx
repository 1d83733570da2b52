import { useId, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { historyBridge } from './history-bridge';
import { useMessages } from '../../i18n/I18nProvider';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: AppError };

export interface NotesEditorProps {
  roomCode: string;
  /** The notes as saved in history. */
  saved: string;
  onSaved(): void;
}

/** The agent's private notes on a room; saved to the local history, so it works offline. */
export function NotesEditor({ roomCode, saved, onSaved }: NotesEditorProps) {
  const t = useMessages('history');
  const id = useId();
  const [draft, setDraft] = useState(saved);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // When the saved notes change underneath (a reload), follow them unless the agent is editing.
  const [base, setBase] = useState(saved);
  if (saved !== base) {
    setBase(saved);
    if (draft === base) setDraft(saved);
  }
  const dirty = draft !== saved;

  async function save() {
    setState({ kind: 'saving' });
    const result = await historyBridge().updateRoomNotes({ roomCode, notes: draft });
    if (result.ok) {
      setState({ kind: 'saved' });
      onSaved();
    } else {
      setState({ kind: 'failed', error: result.error });
    }
  }

  const stateText =
    state.kind === 'saving'
      ? t.notesSaving
      : state.kind === 'failed'
        ? t.notesFailed
        : dirty
          ? t.notesUnsaved
          : state.kind === 'saved'
            ? t.notesSaved
            : '';

  return (
    <section className="rd-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.notes}</h3>
      <label htmlFor={`${id}-notes`} className="rd-visually-hidden">
        {t.notes}
      </label>
      <textarea
        id={`${id}-notes`}
        className="rd-notes"
        value={draft}
        maxLength={5000}
        rows={5}
        aria-describedby={`${id}-help ${id}-state`}
        onChange={(event) => {
          setDraft(event.target.value);
          if (state.kind !== 'saving') setState({ kind: 'idle' });
        }}
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && dirty) {
            event.preventDefault();
            void save();
          }
        }}
      />
      <p id={`${id}-help`} className="rd-muted rd-small">
        {t.notesHelp}
      </p>
      <div className="rd-row-actions">
        <button type="button" className="button button--primary" disabled={!dirty || state.kind === 'saving'} onClick={() => void save()}>
          {t.saveNotes}
        </button>
        <span
          id={`${id}-state`}
          role="status"
          aria-live="polite"
          className={`rd-save-state rd-save-state--${dirty && state.kind !== 'saving' && state.kind !== 'failed' ? 'dirty' : state.kind}`}
        >
          {stateText}
        </span>
      </div>
      {state.kind === 'failed' ? <ErrorPanel error={state.error} compact /> : null}
    </section>
  );
}
