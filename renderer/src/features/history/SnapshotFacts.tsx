import type { DetailSnapshot } from '../../../../common/history';
import { useMessages } from '../../i18n/I18nProvider';
import { formatDuration } from '../../lib/date-time';
import { UntrustedText } from '../../ui/UntrustedText';

/** Who was in the room at the last snapshot, read-only. */
export function ParticipantsList({ snapshot, labelId }: { snapshot: DetailSnapshot | undefined; labelId: string }) {
  const t = useMessages('history');
  const participants = snapshot?.participants ?? [];
  if (participants.length === 0) return <p className="rd-muted">{t.noParticipants}</p>;
  return (
    <table className="rd-table" aria-labelledby={labelId}>
      <thead>
        <tr>
          <th scope="col">{t.participantName}</th>
          <th scope="col">{t.participantRole}</th>
          <th scope="col">{t.participantState}</th>
        </tr>
      </thead>
      <tbody>
        {participants.map((participant, index) => (
          <tr key={`${participant.id ?? 'unknown'}-${index}`}>
            <td>{participant.nickname || participant.id ? <UntrustedText text={participant.nickname || participant.id || ''} /> : '—'}</td>
            <td>{participant.role ?? '—'}</td>
            <td>{t.participantStatus(participant.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The room's limits at the last snapshot. */
export function LimitsList({ snapshot, labelId }: { snapshot: DetailSnapshot | undefined; labelId: string }) {
  const t = useMessages('history');
  const time = useMessages('time');
  const limits = snapshot?.limits;
  // The same units as the room page: "2 hours", not "7200 s".
  const seconds = (value: number | null | undefined) => (value == null ? '—' : formatDuration(value, time));
  const flag = (value: boolean | null | undefined) => (value == null ? '—' : value ? t.yes : t.no);
  const rows: Array<[string, string]> = [
    [t.maxUsers, limits?.maxUserCount == null ? '—' : String(limits.maxUserCount)],
    [t.maxUsingTime, seconds(limits?.maxUsingTime)],
    [t.ticketValidity, seconds(limits?.ticketValidateTime)],
    [t.keepAlive, seconds(limits?.keepAliveTime)],
    [t.dynamicEnter, flag(limits?.allowDynamicEnter)],
    [t.autoDestroy, flag(limits?.autoDestroy)],
  ];
  return (
    <dl className="rd-facts" aria-labelledby={labelId}>
      {rows.map(([label, value]) => (
        <div key={label} className="rd-facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
