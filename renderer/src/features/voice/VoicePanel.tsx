import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { RemoteParticipants } from './RemoteParticipants';
import { RoomVoiceProvider } from './RoomVoiceProvider';
import { useRoomVoice, type RoomVoice } from './room-voice-context';
import { listSpeakers, playTestTone } from './speaker-test';
import { usePreflight } from './use-preflight';
import type { VoiceIssue } from './use-voice-session';
import type { AdapterFactory, VoiceBridge } from './voice-bridge';
import { useMessages } from '../../i18n/I18nProvider';
import { DeviceOptions } from './DeviceOptions';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { useLatest } from '../../lib/use-latest';
import { VOICE_REJOIN_ATTEMPTS } from './rejoining-adapter';

export interface VoicePanelProps {
  roomCode: string;
  bridge: VoiceBridge;
  /** Set when the room has ended: voice is left and cannot be joined again. */
  roomClosed?: boolean;
  /** Replaces the vendor adapters; the app leaves it unset. */
  createAdapter?: AdapterFactory;
}

/**
 * Voice for one viewing room, like a meeting app: before joining, the microphone choice with a level
 * check, a speaker test and Join; once in, mute, microphone choice, level and speaking indicator,
 * the others in voice, leave. It shares the session of an enclosing RoomVoiceProvider of the same
 * room (with the compact VoiceControl); otherwise it has its own, and unmounting it leaves voice.
 */
export function VoicePanel(props: VoicePanelProps) {
  const outer = useRoomVoice();
  if (outer && outer.roomCode === props.roomCode) return <VoicePanelBody {...props} session={outer} />;
  return (
    <RoomVoiceProvider
      roomCode={props.roomCode}
      bridge={props.bridge}
      {...(props.createAdapter ? { createAdapter: props.createAdapter } : {})}
    >
      <InnerVoicePanel {...props} />
    </RoomVoiceProvider>
  );
}

function InnerVoicePanel(props: VoicePanelProps) {
  const session = useRoomVoice();
  return session ? <VoicePanelBody {...props} session={session} /> : null;
}

function VoicePanelBody({ roomCode, bridge, roomClosed = false, session }: VoicePanelProps & { session: RoomVoice }) {
  const t = useMessages('voice');
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState('');
  const [speakers, setSpeakers] = useState<MediaDeviceInfo[]>([]);
  const [speakerId, setSpeakerId] = useState('');
  const [speakerTest, setSpeakerTest] = useState<'idle' | 'playing' | 'played'>('idle');
  const preflight = usePreflight({ roomCode, bridge, onDevices: setDevices });
  const { status, muted, level, speaking, issue, vendor, reconnecting } = session.state;
  const joined = status === 'joined';

  const mutedRef = useLatest(muted);
  const { setMuted, listInputDevices, leave } = session;
  const toggleMute = useCallback(() => void setMuted(!mutedRef.current), [setMuted, mutedRef]);

  useEffect(() => {
    if (roomClosed) void leave();
  }, [roomClosed, leave]);

  useEffect(() => {
    if (!joined) return;
    void listInputDevices().then((list) => {
      if (list.length > 0) setDevices(list);
    });
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'm') {
        event.preventDefault();
        toggleMute();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [joined, toggleMute, listInputDevices]);

  // Join becomes Mute/Leave and back: the pressed button is gone, so keep focus in the panel
  // (on its first action) instead of letting it fall to the page, where M would do nothing.
  const actionsRef = useRef<HTMLDivElement>(null);
  const wasJoined = useRef(joined);
  useEffect(() => {
    if (wasJoined.current === joined) return;
    wasJoined.current = joined;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    actionsRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [joined]);

  useEffect(() => {
    if (devices.length > 0) void listSpeakers().then(setSpeakers);
  }, [devices]);

  const testSpeaker = async () => {
    setSpeakerTest('playing');
    await playTestTone(speakerId || undefined).catch(() => undefined);
    setSpeakerTest('played');
  };

  const onPanelKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!joined || event.key.toLowerCase() !== 'm' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTextEntry(event.target)) return;
    event.preventDefault();
    toggleMute();
  };

  const chooseDevice = (next: string) => {
    setDeviceId(next);
    if (joined && next) void session.setInputDevice(next);
  };

  const shownLevel = joined ? level : preflight.state.level;
  const percent = Math.round(shownLevel * 100);

  return (
    <section className="voice-panel" aria-label={t.title} tabIndex={-1} onKeyDown={onPanelKeyDown} data-voice-status={status}>
      <h3>{t.title}</h3>

      <div className="voice-panel__preflight">
        <h4>{t.preflightTitle}</h4>
        <button
          type="button"
          className="button button--secondary"
          disabled={preflight.state.running || status !== 'idle'}
          onClick={() => void preflight.run(deviceId || undefined)}
        >
          {preflight.state.running ? t.checking : t.runCheck}
        </button>
        <ul className="voice-panel__checks" aria-live="polite">
          {preflight.state.microphone ? (
            <li data-check="microphone" data-ok={preflight.state.microphone.ok}>
              {preflight.state.microphone.ok
                ? preflight.state.microphone.peak > 0
                  ? t.micHeard(Math.round(preflight.state.microphone.peak * 100))
                  : t.micSilent
                : t.problem[preflight.state.microphone.issue.problem]}
            </li>
          ) : null}
          {preflight.state.gateway ? (
            <li data-check="gateway" data-ok={preflight.state.gateway.ok}>
              {preflight.state.gateway.ok ? (
                t.gatewayOk
              ) : (
                <ErrorPanel error={preflight.state.gateway.error} lead={t.gatewayFailed} compact />
              )}
            </li>
          ) : null}
        </ul>
      </div>

      {status === 'idle' ? (
        <div className="voice-panel__speaker">
          <label className="voice-panel__device">
            {t.speaker}
            <select value={speakerId} onChange={(event) => setSpeakerId(event.target.value)}>
              <DeviceOptions devices={speakers} unnamed={t.unnamedSpeaker} />
            </select>
          </label>
          <button
            type="button"
            className="button button--secondary"
            disabled={speakerTest === 'playing'}
            onClick={() => void testSpeaker()}
          >
            {speakerTest === 'playing' ? t.speakerPlaying : t.testSpeaker}
          </button>
          {speakerTest === 'played' ? <p className="muted">{t.speakerPlayed}</p> : null}
        </div>
      ) : null}

      <label className="voice-panel__device">
        {t.microphone}
        <select value={deviceId} onChange={(event) => chooseDevice(event.target.value)} disabled={status === 'joining'}>
          <DeviceOptions devices={devices} unnamed={t.unnamedMicrophone} />
        </select>
      </label>

      <div
        className="voice-panel__meter"
        role="meter"
        aria-label={t.levelLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        style={meterStyle}
      >
        <div className="voice-panel__meter-fill" style={{ ...meterFillStyle, width: `${percent}%` }} />
      </div>
      {joined ? (
        <p className="voice-panel__state" data-speaking={speaking && !muted}>
          <span className="voice-dot" aria-hidden="true" data-speaking={speaking && !muted} data-microphone={muted ? 'closed' : 'open'} />{' '}
          {vendor ? t.joinedVia(t.vendorName[vendor]) : null} ·{' '}
          {reconnecting !== null
            ? t.reconnecting(reconnecting, VOICE_REJOIN_ATTEMPTS)
            : muted
              ? t.muted
              : speaking
                ? t.speaking
                : t.notSpeaking}
        </p>
      ) : null}

      <div className="voice-panel__actions" ref={actionsRef}>
        {joined ? (
          <>
            <button
              type="button"
              className="button button--secondary"
              aria-pressed={muted}
              aria-keyshortcuts="M Control+Shift+M Meta+Shift+M"
              onClick={toggleMute}
            >
              {muted ? t.unmute : t.mute}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void session.leave()}>
              {t.leave}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={status === 'joining' || roomClosed}
            onClick={() => void session.join({ ...(deviceId ? { deviceId } : {}), ...(speakerId ? { outputDeviceId: speakerId } : {}) })}
          >
            {status === 'joining' ? t.joining : t.join}
          </button>
        )}
      </div>
      <p className="voice-panel__hint muted">{t.shortcutHint}</p>
      {joined ? <RemoteParticipants voice={session} /> : null}

      {issue ? <VoiceIssueNotice issue={issue} /> : null}
    </section>
  );
}

// Set through the DOM style API, which the app's CSP (no inline style attributes) allows.
const meterStyle = {
  width: '16rem',
  maxWidth: '100%',
  height: '0.5rem',
  borderRadius: '0.25rem',
  overflow: 'hidden',
  background: 'var(--surface-2, #e5e7eb)',
  border: '1px solid var(--border, #d1d5db)',
} as const;
const meterFillStyle = { height: '100%', background: 'var(--success, #16a34a)', transition: 'width 80ms linear' } as const;

function VoiceIssueNotice({ issue }: { issue: VoiceIssue }) {
  const t = useMessages('voice');
  return (
    <div className="voice-panel__issue" role="alert" data-problem={issue.problem}>
      <p>{t.problem[issue.problem]}</p>
      {issue.detail ? <p className="muted">{t.detail(issue.detail)}</p> : null}
      {issue.requestId ? <p className="muted">{t.requestId(issue.requestId)}</p> : null}
    </div>
  );
}

function isTextEntry(target: EventTarget): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}
