import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useCommand } from '../../lib/commands';
import { useNavigation } from '../../lib/navigation';
import { modKeyLabel } from '../../lib/keys';
import { useI18n } from '../../i18n/I18nProvider';
import { useProfiles } from '../../lib/ProfilesProvider';
import { profileName } from '../../lib/profile-label';
import { RoomList } from './RoomList';
import { historyRoomSource } from './room-list-source';
import { useRoomListPage } from './use-room-list-page';
import { useSessionRooms } from '../../lib/SessionRoomsProvider';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { TextField } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { ROOM_CODE_PATTERN } from '../../../../common/room-constants';

export function RoomsScreen({ focusSearch }: { focusSearch: boolean }) {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  const { active } = useProfiles();
  const { version } = useSessionRooms();
  const [text, setText] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const searchId = useId();
  const source = useMemo(() => historyRoomSource(active?.id ?? 'sandbox', version), [active?.id, version]);
  const result = useRoomListPage(source, text);
  const page = result?.ok ? result.value : null;

  useCommand('focusSearch', () => searchRef.current?.focus());
  useEffect(() => {
    if (focusSearch) searchRef.current?.focus();
  }, [focusSearch]);

  const hasRooms = page !== null && (page.total > 0 || text.trim() !== '');

  return (
    <div className="screen">
      <header className="screen__header screen__header--row">
        <div>
          <h1>{t.rooms.title}</h1>
          {active ? <p className="muted">{t.rooms.subtitle({ profile: profileName(active, t) })}</p> : null}
        </div>
        <button type="button" className="button button--primary" onClick={() => navigate({ screen: 'new-room' })}>
          <Icon glyph="＋" /> {t.nav.newRoom}
          <kbd className="kbd-hint" aria-hidden="true">
            {modKeyLabel}+N
          </kbd>
        </button>
      </header>

      <div className="toolbar">
        <div className="search">
          <label htmlFor={searchId} className="visually-hidden">
            {t.rooms.search}
          </label>
          <span className="search__icon" aria-hidden="true">
            ⌕
          </span>
          <input
            id={searchId}
            ref={searchRef}
            type="search"
            value={text}
            placeholder={t.rooms.searchPlaceholder}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && text !== '') {
                event.preventDefault();
                setText('');
              }
            }}
          />
          <kbd className="search__hint" aria-hidden="true">
            /
          </kbd>
        </div>
        <OpenByCode onOpen={(roomCode) => navigate({ screen: 'room', roomCode })} />
      </div>

      {result && !result.ok ? <ErrorPanel error={result.error} /> : null}
      {page === null ? null : hasRooms ? (
        <>
          <p className="muted list-caption" role="status">
            {t.rooms.count({ shown: page.items.length, total: page.total })} · {t.rooms.historyNote}
          </p>
          {page.items.length > 0 ? (
            <RoomList items={page.items} label={t.rooms.title} onOpen={(roomCode) => navigate({ screen: 'room', roomCode })} />
          ) : (
            <p className="empty">{t.rooms.noMatch({ text: text.trim() })}</p>
          )}
        </>
      ) : (
        <div className="empty-state card">
          <div className="empty-state__art" aria-hidden="true">
            ◰
          </div>
          <h2>{t.rooms.empty}</h2>
          <p className="muted">{t.rooms.emptyText}</p>
          <button type="button" className="button button--primary" onClick={() => navigate({ screen: 'new-room' })}>
            {t.nav.newRoom}
          </button>
        </div>
      )}
    </div>
  );
}

function OpenByCode({ onOpen }: { onOpen(roomCode: string): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.trim();
    if (!ROOM_CODE_PATTERN.test(trimmed)) {
      setError(t.rooms.invalidCode);
      return;
    }
    onOpen(trimmed);
  }

  return (
    <form className="open-by-code" onSubmit={onSubmit} aria-label={t.rooms.openByCode} noValidate>
      <TextField
        label={t.rooms.roomCode}
        value={code}
        onValue={(value) => {
          setCode(value);
          setError(undefined);
        }}
        error={error}
        spellCheck={false}
        className="mono"
      />
      <button type="submit" className="button button--secondary">
        {t.rooms.open}
      </button>
    </form>
  );
}
