import type { PresenceToast } from '../../lib/use-live-presence';
import type { LivePresence } from './viewer-bridge';
import { useMessages } from '../../i18n/I18nProvider';
import { UntrustedText } from '../../ui/UntrustedText';

interface LivePresencePanelProps {
  presence: LivePresence | null;
  toasts: PresenceToast[];
  now: number;
  onEndRoom(): void;
  onReconnect(): void;
}

/** Who is in a live-channel room, how the connection is, and the host's "End room". */
export function LivePresencePanel({ presence, toasts, now, onEndRoom, onReconnect }: LivePresencePanelProps) {
  const t = useMessages('viewer');
  const connection = presence?.connection ?? 'connecting';
  const selfId = presence?.self?.userId;
  const canReconnect = connection === 'failed' || connection === 'refused' || connection === 'replaced' || connection === 'disconnected';
  return (
    <section className="viewer-presence" aria-label={t.presenceTitle}>
      <h3 className="viewer-presence__title">{t.presenceTitle}</h3>
      <p className={`viewer-presence__status viewer-presence__status--${connection}`} role="status">
        {t.connection[connection]}
        {presence?.reconnect
          ? ` ${t.reconnectIn(Math.max(0, Math.ceil((presence.reconnect.at - now) / 1000)), presence.reconnect.attempt)}`
          : ''}
        {presence?.reason && connection !== 'connected' ? ` (${presence.reason})` : ''}
      </p>
      {presence && presence.users.length > 0 ? (
        <ul className="viewer-presence__list" aria-label={t.presenceTitle}>
          {presence.users.map((user) => (
            <li key={user.userId}>
              <span className="viewer-presence__name">
                <UntrustedText text={user.nickname ?? user.userId} />
              </span>
              {user.role ? <span className="viewer-presence__role"> · {user.role}</span> : null}
              {user.userId === selfId ? <span className="viewer-presence__you"> ({t.you})</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.nobody}</p>
      )}
      {presence?.voice?.voiceId != null ? (
        <p className="muted small">{t.voice(presence.voice.type ?? '?', String(presence.voice.voiceId))}</p>
      ) : null}
      <div className="viewer-presence__actions">
        {connection === 'connected' ? (
          <button type="button" className="button button--danger" onClick={onEndRoom}>
            {t.endRoom}
          </button>
        ) : null}
        {canReconnect ? (
          <button type="button" className="button button--secondary" onClick={onReconnect}>
            {t.reconnect}
          </button>
        ) : null}
      </div>
      <ul className="viewer-toasts" aria-live="polite" aria-label={t.presenceTitle}>
        {toasts.map((toast) => (
          <li key={toast.id} className={`viewer-toast viewer-toast--${toast.kind}`}>
            {toast.kind === 'joined' ? t.joined(toast.name) : t.left(toast.name)}
          </li>
        ))}
      </ul>
    </section>
  );
}
