import { useMessages } from '../../i18n/I18nProvider';
import { plainText } from '../../lib/untrusted-text';
import { participantsOf, type RoomVoice } from './room-voice-context';

/**
 * The others in the room while the agent is in voice: who is in voice, speaking, their microphone as
 * the room shows it, a connection being rebuilt; the agent (host) can close a guest's microphone.
 * `data-level` carries the level heard from each (what the speaking dot is drawn from).
 */
export function RemoteParticipants({ voice }: { voice: RoomVoice }) {
  const t = useMessages('voice');
  const participants = participantsOf(voice);
  const selfId = voice.presence?.self?.userId ?? null;
  const names = new Map((voice.presence?.users ?? []).map((user) => [user.userId, user.nickname]));
  const levels = new Map(voice.state.remote.map((remote) => [remote.userId, remote.level]));
  const others = Object.entries(participants).filter(([userId]) => userId !== selfId);

  return (
    <section className="voice-panel__others" aria-label={t.othersTitle}>
      <h4>{t.othersTitle}</h4>
      {others.length === 0 ? <p className="muted">{t.nobodyElse}</p> : null}
      <ul>
        {others.map(([userId, state]) => {
          const name = plainText(names.get(userId) ?? userId);
          return (
            <li
              key={userId}
              data-user-id={userId}
              data-in-voice={state.inVoice}
              data-speaking={state.speaking}
              data-microphone={state.microphone ?? 'unknown'}
              data-connection={state.connection ?? 'none'}
              data-level={Math.round((levels.get(userId) ?? 0) * 100)}
            >
              <span className="voice-dot" aria-hidden="true" /> <bdi>{name}</bdi> ·{' '}
              {!state.inVoice
                ? t.notInVoice
                : state.connection === 'lost'
                  ? t.peerLost
                  : state.connection === 'connecting'
                    ? t.peerConnecting
                    : state.microphone === 'closed'
                      ? t.microphoneOff
                      : state.speaking
                        ? t.speaking
                        : t.notSpeaking}
              {state.microphone !== 'closed' ? (
                <button type="button" className="button button--secondary button--small" onClick={() => void voice.muteParticipant(userId)}>
                  {t.muteGuest(name)}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
