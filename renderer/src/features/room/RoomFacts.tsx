import type { RoomSummary } from '../../../../common/room';
import { isRoomClosed } from '../../../../common/room-status';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDuration } from '../../lib/date-time';
import { plainText } from '../../lib/untrusted-text';
import { RealseeTime } from '../../ui/RealseeTime';
import { RoomStatusBadge } from '../../ui/RoomStatusBadge';

/** The room's details as an agent reads them: status, times, creator, limits and voice room. */
export function RoomFacts({ summary }: { summary: RoomSummary }) {
  const { t, locale } = useI18n();
  const time = (raw: string | null, fallback: string) => (
    <RealseeTime raw={raw} timeZone={summary.timeZone} locale={locale} fallback={fallback} />
  );
  const duration = (seconds: number | null) => (seconds === null ? t.room.notSet : formatDuration(seconds, t.time));
  const { nickname, userId } = summary.creator;
  const creator = plainText(nickname && userId && nickname !== userId ? `${nickname} (${userId})` : (nickname ?? userId ?? ''));
  return (
    <div className="facts-grid">
      <section className="card" aria-labelledby="room-details-title">
        <h2 id="room-details-title">{t.room.details}</h2>
        <dl className="facts">
          <Fact term={t.room.status}>
            <RoomStatusBadge status={summary.status} closed={isRoomClosed(summary)} />
          </Fact>
          <Fact term={t.room.created}>{time(summary.createTime, t.room.notSet)}</Fact>
          <Fact term={t.room.modified}>{time(summary.modifyTime, t.room.notSet)}</Fact>
          <Fact term={t.room.closed}>{time(summary.closeTime, t.room.notClosed)}</Fact>
          <Fact term={t.room.creator}>{creator || t.room.notSet}</Fact>
          <Fact term={t.room.voiceRoom}>
            <span className="mono">{summary.voiceId ?? t.room.notSet}</span>
          </Fact>
        </dl>
      </section>
      <section className="card" aria-labelledby="room-limits-title">
        <h2 id="room-limits-title">{t.room.limits}</h2>
        <dl className="facts">
          <Fact term={t.room.maxUsers}>{summary.limits.maxUserCount ?? t.room.notSet}</Fact>
          <Fact term={t.room.maxDuration}>{duration(summary.limits.maxUsingTime)}</Fact>
          <Fact term={t.room.ticketValidity}>{duration(summary.limits.ticketValidateTime)}</Fact>
        </dl>
      </section>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
