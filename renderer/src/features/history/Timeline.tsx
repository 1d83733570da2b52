import type { TimelineEntry } from '../../../../common/history';
import { formatDateTime } from '../../lib/date-time';
import { useI18n, useMessages } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/en';
import type { HistoryMessages } from '../../i18n/history';
import { plainText } from '../../lib/untrusted-text';

function describe(entry: TimelineEntry, t: HistoryMessages, statusLabel: Messages['room']['statusLabel']): string {
  const text = t.timelineEntry;
  switch (entry.type) {
    case 'created':
      return text.created;
    case 'joined-as-host':
      return text['joined-as-host'](entry.userId);
    case 'guest-pass-issued':
      return text['guest-pass-issued'](
        plainText(entry.nickname ? `${entry.nickname} (${entry.userId})` : entry.userId),
        plainText(entry.role),
      );
    case 'voice-joined':
      return text['voice-joined'](entry.userId);
    case 'voice-left':
      return text['voice-left'](entry.userId);
    case 'room-closed':
      return text['room-closed'];
    case 'note-edited':
      return text['note-edited'](entry.length);
    case 'details-refreshed':
      return text['details-refreshed'](statusLabel(entry.status), entry.participantCount);
  }
}

/** The room's events and detail fetches, oldest first. */
export function Timeline({ entries, labelId }: { entries: readonly TimelineEntry[]; labelId: string }) {
  const { locale } = useI18n();
  const t = useMessages('history');
  const { statusLabel } = useMessages('room');
  return (
    <ol className="rd-timeline" aria-labelledby={labelId}>
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className={`rd-timeline__item rd-timeline__item--${entry.type}`}>
          <time dateTime={new Date(entry.at).toISOString()} className="rd-timeline__time">
            {formatDateTime(entry.at, locale)}
          </time>
          <span>{describe(entry, t, statusLabel)}</span>
        </li>
      ))}
    </ol>
  );
}
