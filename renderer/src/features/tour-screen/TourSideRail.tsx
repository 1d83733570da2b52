import { useId } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import type { LivePresence } from '../../lib/use-live-presence';
import { UntrustedText } from '../../ui/UntrustedText';
import { railEntries, type Leader, type ParticipantVoice, type RailEntry } from './tour-state';

interface TourSideRailProps {
  presence: LivePresence | null;
  leader: Leader;
  voice: Readonly<Record<string, ParticipantVoice>>;
  notes: string | null;
  sound: boolean;
  onSound(on: boolean): void;
  onEditNotes(): void;
}

/** Who is in the room (online, microphone, voice, who leads the view), the notice sound, and the room's notes. */
export function TourSideRail({ presence, leader, voice, notes, sound, onSound, onEditNotes }: TourSideRailProps) {
  const t = useMessages('tourScreen');
  const peopleId = useId();
  const notesId = useId();
  const entries = railEntries(presence, voice, leader);
  return (
    <aside id="tour-rail" className="tour-rail" aria-label={t.railLabel}>
      <section aria-labelledby={peopleId}>
        <h2 id={peopleId} className="tour-rail__title">
          {t.railLabel} <span className="count">{entries.filter((entry) => entry.user.online !== false).length}</span>
        </h2>
        <ul className="tour-people">
          {entries.map((entry) => (
            <Person key={entry.user.userId} entry={entry} />
          ))}
        </ul>
        {entries.filter((entry) => !entry.isSelf).length === 0 ? <p className="muted small">{t.nobodyElse}</p> : null}
        <label className="tour-rail__sound">
          <input type="checkbox" checked={sound} onChange={(event) => onSound(event.target.checked)} /> {t.sound}
        </label>
      </section>
      <section aria-labelledby={notesId} className="tour-rail__notes">
        <h2 id={notesId} className="tour-rail__title">
          {t.notes}
        </h2>
        {notes ? <p className="pre-line tour-rail__notes-text">{notes}</p> : <p className="muted small">{t.noNotes}</p>}
        <button type="button" className="link-button small" onClick={onEditNotes}>
          {t.editNotes}
        </button>
      </section>
    </aside>
  );
}

function Person({ entry }: { entry: RailEntry }) {
  const t = useMessages('tourScreen');
  const { user, voice } = entry;
  const online = user.online !== false;
  const microphone = entry.microphone;
  return (
    <li className="tour-person" data-user-id={user.userId} data-online={online} data-speaking={voice.speaking}>
      <span className="tour-person__name">
        <span className={`dot${online ? ' dot--on' : ''}`} role="img" aria-label={online ? t.online : t.offline} />
        <UntrustedText text={user.nickname || user.userId} />
        {entry.isSelf ? <span className="muted"> ({t.you})</span> : null}
      </span>
      <span className="tour-person__facts">
        {entry.leads ? <span className="badge badge--active">{t.leadsView}</span> : null}
        {microphone === 'unknown' ? null : (
          <span className={`tour-person__mic tour-person__mic--${microphone}`} title={t.microphone[microphone]}>
            <span aria-hidden="true">{t.microphoneShort[microphone]}</span>
            <span className="visually-hidden">{t.microphone[microphone]}</span>
          </span>
        )}
        {voice.inVoice ? <span className="badge">{voice.speaking ? t.speaking : t.inVoice}</span> : null}
      </span>
    </li>
  );
}
