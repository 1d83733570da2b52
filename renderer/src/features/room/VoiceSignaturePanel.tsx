import { roomBridge } from './room-bridge';
import { useI18n } from '../../i18n/I18nProvider';
import { formatClock } from '../../lib/date-time';
import { useAction } from '../../lib/use-action';
import { ActionButton } from '../../ui/ActionButton';
import { ErrorPanel } from '../../ui/ErrorPanel';

/** Fetches a voice signature in main and says that it was obtained — never the signature. */
export function VoiceSignaturePanel({ roomCode, knownVoiceId }: { roomCode: string; knownVoiceId: number | null }) {
  const { t, locale } = useI18n();
  const voice = useAction(() => roomBridge().getVoiceSignature({ roomCode }));
  return (
    <div className="voice-panel">
      <ActionButton variant="secondary" busy={voice.running} busyLabel={t.voiceSignature.getting} onClick={() => void voice.run()}>
        {t.voiceSignature.get}
      </ActionButton>
      {voice.state.phase === 'failed' ? <ErrorPanel error={voice.state.error} compact /> : null}
      {voice.state.phase === 'done' ? (
        <div className="notice notice--success" role="status">
          <p>
            {t.voiceSignature.obtained({
              user: voice.state.value.userIdentifier,
              voiceRoom: String(voice.state.value.voiceId ?? knownVoiceId ?? t.voiceSignature.unknownVoiceRoom),
              time: formatClock(voice.state.value.expiresAt, locale, false),
            })}
          </p>
          <p className="muted">{t.voiceSignature.note}</p>
        </div>
      ) : null}
    </div>
  );
}
