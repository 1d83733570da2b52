import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import { plainText } from '../../lib/untrusted-text';
import type { LivePresence } from '../../lib/use-live-presence';
import { handOverCandidates, type Leader } from './tour-state';

interface HandOverMenuProps {
  presence: LivePresence | null;
  leader: Leader;
  /** False until the VR is shown: the button stays focusable and says why it does nothing. */
  available: boolean;
  open: boolean;
  onOpen(open: boolean): void;
  onHandOver(userId: string): void;
  onTakeBack(): void;
}

/** "Hand over control": a menu of the online guests, and "Take back control" while one of them leads. */
export function HandOverMenu({ presence, leader, available, open, onOpen, onHandOver, onTakeBack }: HandOverMenuProps) {
  const t = useMessages('tourScreen');
  const menuId = useId();
  const hintId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const guests = handOverCandidates(presence);

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [open]);

  const close = () => {
    onOpen(false);
    buttonRef.current?.focus();
  };
  const choose = (action: () => void) => {
    close();
    action();
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Tab') onOpen(false);
  };

  return (
    <div className="hand-over">
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-disabled={!available || undefined}
        aria-describedby={available ? undefined : hintId}
        title={available ? undefined : t.handOverUnavailable}
        onClick={() => {
          if (available) onOpen(!open);
        }}
      >
        {leader.kind === 'other' ? t.takeBack : t.handOver}
      </button>
      {available ? null : (
        <span id={hintId} className="visually-hidden">
          {t.handOverUnavailable}
        </span>
      )}
      {open && available ? (
        <ul id={menuId} ref={menuRef} className="hand-over__menu" role="menu" aria-label={t.handOver} onKeyDown={onMenuKeyDown}>
          {leader.kind === 'other' ? (
            <li role="none">
              <button type="button" role="menuitem" onClick={() => choose(onTakeBack)}>
                {t.takeBack}
              </button>
            </li>
          ) : null}
          {guests.map((guest) => (
            <li role="none" key={guest.userId}>
              <button
                type="button"
                role="menuitem"
                disabled={leader.kind === 'other' && leader.user.userId === guest.userId}
                onClick={() => choose(() => onHandOver(guest.userId))}
              >
                {t.handOverTo(plainText(guest.nickname || guest.userId))}
              </button>
            </li>
          ))}
          {guests.length === 0 ? (
            <li role="none" className="hand-over__empty">
              <button type="button" role="menuitem" disabled>
                {t.noGuestOnline}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
