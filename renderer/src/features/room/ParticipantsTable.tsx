import type { RoleNames } from '../../../../common/profile';
import type { Participant } from '../../../../common/room';
import { participantStatusMeaning } from '../../../../common/room-status';
import { useI18n } from '../../i18n/I18nProvider';
import { RealseeTime } from '../../ui/RealseeTime';
import { UntrustedText } from '../../ui/UntrustedText';

export function ParticipantsTable({
  participants,
  roles,
  timeZone,
}: {
  participants: Participant[];
  roles: RoleNames | null;
  timeZone: string;
}) {
  const { t, locale } = useI18n();
  const roleHint = (role: string | null) => {
    if (!roles || role === null) return null;
    if (role === roles.host) return t.room.roleHost;
    if (role === roles.guest) return t.room.roleGuest;
    return null;
  };
  return (
    <section className="card" aria-labelledby="participants-title">
      <h2 id="participants-title">
        {t.room.participants} <span className="count">{participants.length}</span>
      </h2>
      {participants.length === 0 ? (
        <p className="muted">{t.room.noParticipants}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.room.participantName}</th>
              <th scope="col">{t.room.participantId}</th>
              <th scope="col">{t.room.participantRole}</th>
              <th scope="col">{t.room.participantStatus}</th>
              <th scope="col">{t.room.participantJoined}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((participant, index) => {
              const hint = roleHint(participant.role);
              return (
                <tr key={`${participant.userId ?? 'unknown'}-${index}`}>
                  <td>{participant.nickname ? <UntrustedText text={participant.nickname} /> : t.room.notSet}</td>
                  <td className="mono">{participant.userId ?? t.room.notSet}</td>
                  <td>
                    {participant.role ?? t.room.notSet}
                    {hint ? <span className="muted"> · {hint}</span> : null}
                  </td>
                  <td>
                    <span
                      className={`dot dot--${participantStatusMeaning(participant.status) === 'normal' ? 'on' : 'off'}`}
                      aria-hidden="true"
                    />
                    {t.room.participantStatusLabel(participant.status)}
                  </td>
                  <td>
                    <RealseeTime raw={participant.joinedAt} timeZone={timeZone} locale={locale} fallback={t.room.notSet} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
