import { useMessages } from '../../i18n/I18nProvider';
import type { PresenceToast } from '../../lib/use-live-presence';

/** Join and leave notices: announced politely, gone after a few seconds, or dismissed. */
export function TourNotices({ notices, onDismiss }: { notices: PresenceToast[]; onDismiss(id: number): void }) {
  const t = useMessages('tourScreen');
  return (
    <ul className="tour-notices" aria-live="polite" aria-label={t.notices}>
      {notices.map((notice) => {
        const text = notice.kind === 'joined' ? t.joined(notice.name) : t.left(notice.name);
        return (
          <li key={notice.id} className={`tour-notice tour-notice--${notice.kind}`} data-user-id={notice.userId}>
            <span className="tour-notice__text">{text}</span>
            <button type="button" className="tour-notice__dismiss" aria-label={t.dismissNotice(text)} onClick={() => onDismiss(notice.id)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
