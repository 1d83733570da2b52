import type { Guest } from '../../../../common/room';
import { useI18n, useMessages } from '../../i18n/I18nProvider';
import { formatClock } from '../../lib/date-time';
import { plainText } from '../../lib/untrusted-text';
import { useNow } from '../../lib/use-now';
import { UntrustedText } from '../../ui/UntrustedText';
import { passStatus, type PassStatus, type PresenceSnapshot, type TrackedPass } from './pass-tracker';

interface GuestPassesCardProps {
  passes: readonly TrackedPass[];
  presence: PresenceSnapshot | null;
  /** Absent when the room can no longer be entered. */
  onReissue?(guest: Guest): void;
}

/** A new pass is one click away once the old one can no longer bring its guest in. */
const REISSUABLE: ReadonlySet<PassStatus> = new Set(['dropped', 'expired']);

/** The passes issued on this room page: which were used (their guest arrived), and a re-issue for a guest who dropped. */
export function GuestPassesCard({ passes, presence, onReissue }: GuestPassesCardProps) {
  const { locale } = useI18n();
  const t = useMessages('guestPasses');
  const now = useNow(
    5_000,
    passes.some((pass) => pass.usedAt === null),
  );
  if (passes.length === 0) return null;
  const connected = presence?.connected ?? false;

  return (
    <section className="card" aria-labelledby="guest-passes-title">
      <h2 id="guest-passes-title">{t.listTitle}</h2>
      <p className="muted small">{connected ? t.listHint : t.notInRoomHint}</p>
      <ul className="guest-list">
        {passes.map((pass) => {
          const name = pass.guest.nickname || pass.guest.userId;
          const status = passStatus(pass, presence, now);
          return (
            <li key={pass.guest.userId} data-pass-status={status}>
              <span>
                <UntrustedText text={name} /> <span className="muted mono">{pass.guest.nickname ? pass.guest.userId : ''}</span>
              </span>
              <span className="pass-status">
                <span className={`badge${status === 'in-room' ? ' badge--active' : ''}`}>{t.status[status]}</span>
                {pass.usedAt !== null ? <span className="muted small"> {t.usedAt(formatClock(pass.usedAt, locale))}</span> : null}
                {onReissue && REISSUABLE.has(status) ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onReissue(pass.guest)}
                    aria-label={t.reissueFor(plainText(name))}
                  >
                    {t.reissue}
                  </button>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
