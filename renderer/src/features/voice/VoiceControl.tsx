import { useCallback, useEffect, useState } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import { DeviceOptions } from './DeviceOptions';
import { useCommand } from '../../lib/commands';
import { useLatest } from '../../lib/use-latest';
import { useRoomVoice } from './room-voice-context';
import { VOICE_REJOIN_ATTEMPTS } from './rejoining-adapter';

export interface VoiceControlProps {
  /** Set when the room has ended: voice is left and cannot be joined again. */
  roomClosed?: boolean;
}

/**
 * The compact voice control for a toolbar (the tour's control bar): Join/Leave, Mute/Unmute, the state
 * in one word, and the microphone choice (taken at Join, switched while in voice). It drives the session
 * of the enclosing RoomVoiceProvider and renders nothing outside one. The `toggleMute` command (M,
 * Ctrl/⌘+Shift+M) mutes while in voice. Problems show in one line with the same words as the voice panel.
 */
export function VoiceControl({ roomClosed = false }: VoiceControlProps) {
  const t = useMessages('voice');
  const voice = useRoomVoice();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState('');
  const status = voice?.state.status ?? 'idle';
  const muted = voice?.state.muted ?? false;
  const joined = status === 'joined';
  const listInputDevices = voice?.listInputDevices;
  const setMuted = voice?.setMuted;
  const leave = voice?.leave;

  const mutedRef = useLatest(muted);
  const toggleMute = useCallback(() => {
    if (joined && setMuted) void setMuted(!mutedRef.current);
  }, [joined, setMuted, mutedRef]);
  useCommand('toggleMute', toggleMute);

  useEffect(() => {
    if (roomClosed && leave) void leave();
  }, [roomClosed, leave]);

  useEffect(() => {
    if (!joined || !listInputDevices) return;
    void listInputDevices().then((list) => {
      if (list.length > 0) setDevices(list);
    });
  }, [joined, listInputDevices]);

  if (!voice) return null;
  const { issue, speaking, reconnecting } = voice.state;
  const stateText = joined
    ? reconnecting !== null
      ? t.reconnecting(reconnecting, VOICE_REJOIN_ATTEMPTS)
      : muted
        ? t.muted
        : speaking
          ? t.speaking
          : t.inVoiceShort
    : status === 'joining'
      ? t.joining
      : t.notInVoiceShort;
  const chooseDevice = (next: string) => {
    setDeviceId(next);
    if (joined && next) void voice.setInputDevice(next);
  };

  return (
    <div className="voice-control" role="group" aria-label={t.title} data-voice-status={status} data-muted={muted}>
      <span className="voice-control__state" aria-live="polite">
        <span
          className="voice-dot"
          aria-hidden="true"
          data-speaking={joined && !muted && speaking}
          data-microphone={joined ? (muted ? 'closed' : 'open') : 'unknown'}
        />{' '}
        <span className="voice-control__state-text">{stateText}</span>
      </span>
      {joined ? (
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
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled={status === 'joining' || roomClosed}
          onClick={() => void voice.join(deviceId ? { deviceId } : {})}
        >
          {t.join}
        </button>
      )}
      <select
        className="voice-control__device"
        aria-label={t.microphone}
        title={t.microphone}
        value={deviceId}
        disabled={status === 'joining' || roomClosed}
        onChange={(event) => chooseDevice(event.target.value)}
      >
        <DeviceOptions devices={devices} unnamed={t.unnamedMicrophone} />
      </select>
      {joined ? (
        <button type="button" className="button button--ghost" onClick={() => void voice.leave()}>
          {t.leave}
        </button>
      ) : null}
      {issue ? (
        <span className="voice-control__issue" role="alert" data-problem={issue.problem} title={issue.detail}>
          {t.problem[issue.problem]}
          {issue.requestId ? ` ${t.requestId(issue.requestId)}` : ''}
        </span>
      ) : null}
    </div>
  );
}
