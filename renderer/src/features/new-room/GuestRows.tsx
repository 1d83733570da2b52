import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { TextField } from '../../ui/Field';
import type { GuestRow, NewRoomErrors } from './new-room-form';
import { Icon } from '../../ui/Icon';

interface GuestRowsProps {
  rows: GuestRow[];
  errors: NewRoomErrors['guests'];
  onChange(key: number, patch: Partial<Omit<GuestRow, 'key'>>): void;
  onAdd(): void;
  onRemove(key: number): void;
}

export function GuestRows({ rows, errors, onChange, onAdd, onRemove }: GuestRowsProps) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const focusNewRow = useRef(false);

  // "Add guest" puts the agent in the new row, not back above it.
  useEffect(() => {
    if (!focusNewRow.current) return;
    focusNewRow.current = false;
    const rowsShown = container.current?.querySelectorAll('.guest-row');
    rowsShown?.[rowsShown.length - 1]?.querySelector('input')?.focus();
  }, [rows.length]);

  return (
    <div className="guest-rows" ref={container}>
      {rows.length === 0 ? <p className="muted">{t.newRoom.noGuests}</p> : null}
      {rows.map((row, index) => {
        const n = index + 1;
        const rowErrors = errors[row.key] ?? {};
        return (
          <fieldset key={row.key} className="guest-row">
            <legend className="visually-hidden">{`${t.newRoom.guests} ${n}`}</legend>
            <span className="guest-row__number" aria-hidden="true">
              {n}
            </span>
            <TextField
              label={t.newRoom.guestUserId({ n })}
              value={row.userId}
              onValue={(userId) => onChange(row.key, { userId })}
              error={rowErrors.userId}
              autoComplete="off"
            />
            <TextField
              label={t.newRoom.guestRole({ n })}
              value={row.role}
              onValue={(role) => onChange(row.key, { role })}
              error={rowErrors.role}
            />
            <TextField
              label={t.newRoom.guestNickname({ n })}
              value={row.nickname}
              onValue={(nickname) => onChange(row.key, { nickname })}
              error={rowErrors.nickname}
            />
            <button
              type="button"
              className="icon-button guest-row__remove"
              onClick={() => onRemove(row.key)}
              aria-label={t.newRoom.removeGuest({ n })}
              title={t.newRoom.removeGuest({ n })}
            >
              ×
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--ghost"
        onClick={() => {
          onAdd();
          focusNewRow.current = true;
        }}
      >
        <Icon glyph="＋" /> {t.newRoom.addGuest}
      </button>
    </div>
  );
}
