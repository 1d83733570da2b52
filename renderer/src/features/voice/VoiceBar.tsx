import { useCallback, useEffect, useState } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import { useCommand } from '../../lib/commands';
import { useLatest } from '../../lib/use-latest';
import { Icon } from '../../ui/Icon';
import { useVoiceSession } from './use-voice-session';
import type { AdapterFactory, VoiceBridge } from './voice-bridge';

export interface VoiceBarProps {
  roomCode: string;
  bridge: VoiceBridge;
  /** Set when the room has ended: voice is left and cannot be joined again. */
  roomClosed?: boolean;
  /** Hears the agent's own voice state (in voice, speaking, muted) as it changes. */
  onState?: (state: { inVoice: boolean; speaking: boolean; muted: boolean }) => void;
  /** Replaces the vendor adapters; the app leaves it unset. */
  createAdapter?: AdapterFactory;
}

/**
 * Voice as a compact row of controls for a docked bar: join, mute/unmute, microphone choice and
 * leave. The `toggleMute` command (M, Ctrl/⌘+Shift+M) mutes while in voice. Unmounting leaves voice.
 */
export function VoiceBar({ roomCode, bridge, roomClosed = false, onState, createAdapter }: VoiceBarProps) {
  const t = useMessages('voice');
  const session = useVoiceSession({ roomCode, bridge, ...(createAdapter ? { createAdapter } : {}) });
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState('');
  const { status, muted, speaking, issue } = session.state;
  const joined = status === 'joined';
  const { setMuted, leave, listInputDevices } = session;
  const mutedRef = useLatest(muted);
  const toggleMute = useCallback(() => {
    if (joined) void setMuted(!mutedRef.current);
  }, [joined, setMuted, mutedRef]);
  useCommand('toggleMute', toggleMute);

  useEffect(() => {
    if (roomClosed) void leave();
  }, [roomClosed, leave]);

  useEffect(() => {
    if (!joined) return;
    void listInputDevices().then((list) => {
      if (list.length > 0) setDevices(list);
    });
  }, [joined, listInputDevices]);

  const onStateRef = useLatest(onState);
  useEffect(() => {
    onStateRef.current?.({ inVoice: joined, speaking: joined && speaking && !muted, muted });
  }, [joined, speaking, muted, onStateRef]);

  const chooseDevice = (next: string) => {
    setDeviceId(next);
    if (joined && next) void session.setInputDevice(next);
  };

  return (
    <div className="voice-bar" role="group" aria-label={t.title} data-voice-status={status}>
      {joined ? (
        <>
          <button
            type="button"
            className={`button ${muted ? 'button--danger' : 'button--secondary'}`}
            aria-pressed={muted}
            aria-keyshortcuts="M Control+Shift+M Meta+Shift+M"
            title={t.shortcutHint}
            onClick={toggleMute}
          >
            {muted ? t.unmute : t.mute}
          </button>
          <span className="voice-bar__state" data-speaking={speaking && !muted}>
            <span className={`dot${speaking && !muted ? ' dot--on' : ''}`} aria-hidden="true" />
            {muted ? t.muted : speaking ? t.speaking : t.notSpeaking}
          </span>
        </>
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled={status === 'joining' || roomClosed}
          onClick={() => void session.join(deviceId ? { deviceId } : {})}
        >
          <Icon glyph="☏" /> {status === 'joining' ? t.joining : t.join}
        </button>
      )}
      <label className="voice-bar__device">
        <span className="visually-hidden">{t.microphone}</span>
        <select
          value={deviceId}
          onChange={(event) => chooseDevice(event.target.value)}
          disabled={status === 'joining'}
          title={t.microphone}
        >
          <option value="">{t.systemDefault}</option>
          {devices.map((device, index) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label || t.unnamedMicrophone(index + 1)}
            </option>
          ))}
        </select>
      </label>
      {joined ? (
        <button type="button" className="button button--ghost" onClick={() => void leave()}>
          {t.leave}
        </button>
      ) : null}
      {issue ? (
        <p className="voice-bar__issue" role="alert" data-problem={issue.problem} title={issue.detail}>
          {t.problem[issue.problem]}
        </p>
      ) : null}
    </div>
  );
}
