import { useEffect, useId, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useAction } from '../../lib/use-action';
import { ActionButton } from '../../ui/ActionButton';
import { Dialog } from '../../ui/Dialog';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { TextField } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { newRoomBridge } from './new-room-bridge';
import {
  hasMoreVrs,
  nextActiveIndex,
  noVrsLoaded,
  vrOptions,
  vrPlaceholder,
  withVrPage,
  type LoadedVrs,
  type VrOption,
} from './vr-choices';
import './vr-picker.css';

interface VrPickerProps {
  /** VR codes used for recent rooms, newest first. */
  recent: readonly string[];
  onPick(vrCode: string): void;
  onClose(): void;
}

/**
 * The account's VRs in a dialog: type to filter, arrows to move, Enter to choose. The search box
 * keeps focus and points at the active option (`aria-activedescendant`), like a combobox.
 */
export function VrPicker({ recent, onPick, onClose }: VrPickerProps) {
  const { t } = useI18n();
  const tp = t.newRoom.vrPicker;
  const listId = useId();
  const [loaded, setLoaded] = useState<LoadedVrs>(noVrsLoaded);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const load = useAction((page: number) => newRoomBridge().listVrs({ page }));
  const { run } = load;

  async function loadPage(page: number) {
    const result = await run(page);
    if (result.ok) setLoaded((current) => withVrPage(current, page, result.value));
  }

  useEffect(() => {
    // Only the first page loads by itself, once; more load on request. The list arrives after the bridge answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void loadPage(1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const options = useMemo(() => vrOptions(loaded.items, recent, query), [loaded.items, recent, query]);
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;
  const hasMore = hasMoreVrs(loaded);
  const firstLoad = loaded.pagesLoaded === 0;

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
    // optionId depends only on listId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeIndex]);

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    // While an input method composes (pinyin, for one), Enter and the arrows belong to it.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[activeIndex];
      if (option) onPick(option.vrCode);
      return;
    }
    // Home and End stay with the text box, where they move the caret.
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const next = nextActiveIndex(event.key, activeIndex, options.length);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
  }

  const failure = load.state.phase === 'failed' ? load.state.error : null;

  return (
    <Dialog
      title={tp.title}
      onClose={onClose}
      closeLabel={tp.close}
      wide
      actions={
        <button type="button" className="button" onClick={onClose}>
          {tp.cancel}
        </button>
      }
    >
      <TextField
        label={tp.search}
        value={query}
        onValue={(value) => {
          setQuery(value);
          setActive(0);
        }}
        hint={hasMore ? `${tp.keys} ${tp.searchesLoaded}` : tp.keys}
        type="search"
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 && options.length > 0 ? optionId(activeIndex) : undefined}
        onKeyDown={onSearchKey}
        spellCheck={false}
        autoComplete="off"
        data-autofocus=""
      />

      {firstLoad && load.running ? (
        <p className="vr-picker__status" role="status">
          <Spinner small /> {tp.loading}
        </p>
      ) : null}

      <ul id={listId} role="listbox" aria-label={tp.list} className="vr-picker__list">
        {options.map((option, index) => (
          <VrOptionRow
            key={option.vrCode}
            id={optionId(index)}
            option={option}
            selected={index === activeIndex}
            recentLabel={tp.recent}
            unnamedLabel={tp.unnamed}
            onPick={() => onPick(option.vrCode)}
            onHover={() => setActive(index)}
          />
        ))}
      </ul>

      {!load.running && !failure && options.length === 0 && !firstLoad ? (
        <p className="muted">{query.trim() ? tp.noMatch({ query: query.trim() }) : tp.none}</p>
      ) : null}

      {failure ? (
        <ErrorPanel
          error={failure}
          lead={tp.failed}
          compact
          actions={
            <button type="button" className="button" onClick={() => void loadPage(loaded.pagesLoaded + 1)}>
              {t.errors.retry}
            </button>
          }
        />
      ) : null}

      <div className="vr-picker__footer">
        <p className="muted" role="status">
          {firstLoad ? '' : tp.shown({ shown: loaded.items.length, total: loaded.total })}
        </p>
        {hasMore && !failure ? (
          <ActionButton
            type="button"
            variant="secondary"
            busy={load.running}
            busyLabel={tp.loadingMore}
            onClick={() => void loadPage(loaded.pagesLoaded + 1)}
          >
            {tp.loadMore}
          </ActionButton>
        ) : null}
      </div>
    </Dialog>
  );
}

interface VrOptionRowProps {
  id: string;
  option: VrOption;
  selected: boolean;
  recentLabel: string;
  unnamedLabel: string;
  onPick(): void;
  onHover(): void;
}

function VrOptionRow({ id, option, selected, recentLabel, unnamedLabel, onPick, onHover }: VrOptionRowProps) {
  const cover = vrPlaceholder(option);
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className={`vr-picker__option${selected ? ' vr-picker__option--active' : ''}`}
      onClick={onPick}
      onMouseMove={selected ? undefined : onHover}
    >
      <span className="vr-picker__cover" style={{ '--vr-hue': cover.hue } as CSSProperties} aria-hidden="true">
        {cover.initials}
      </span>
      <span className="vr-picker__text">
        <span className="vr-picker__name">{option.name ?? unnamedLabel}</span>
        <span className="vr-picker__code mono">{option.vrCode}</span>
      </span>
      {option.recent ? <span className="badge badge--active">{recentLabel}</span> : null}
    </li>
  );
}
