import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import { useRoomVoice } from './room-voice-context';

/**
 * The compact voice control for a toolbar (the tour screen): Join/Leave, Mute/Unmute, the state in
 * one word, and the microphone choice. It drives the session of the enclosing RoomVoiceProvider and
 * renders nothing outside one. Problems show in one line with the same words as the voice panel.
 */
export function VoiceControl() {
  const t = useMessages('voice');
  const voice = useRoomVoice();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState('');
  const status = voice?.state.status ?? 'idle';
  const listInputDevices = voice?.listInputDevices;

  useEffect(() => {
    if (status !== 'joined' || !listInputDevices) return;
    void listInputDevices().then((list) => {
      if (list.length > 0) setDevices(list);
    });
  }, [status, listInputDevices]);

  if (!voice) return null;
  const { muted, issue, speaking } = voice.state;
  const joined = status === 'joined';
  const stateText = joined
    ? muted
      ? t.muted
      : speaking
        ? t.speaking
        : t.inVoiceShort
    : status === 'joining'
      ? t.joining
      : t.notInVoiceShort;

  return (
    <div className="voice-control" role="group" aria-label={t.title} data-voice-status={status} data-muted={muted}>
      <span className="voice-control__state" aria-live="polite">
        <span
          className="voice-dot"
          aria-hidden="true"
          data-speaking={joined && !muted && speaking}
          data-microphone={joined ? (muted ? 'closed' : 'open') : 'unknown'}
        />{' '}
        {stateText}
      </span>
      {joined ? (
        <>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={muted}
            onClick={() => void voice.setMuted(!muted)}
          >
            {muted ? t.unmute : t.mute}
          </button>
          {devices.length > 1 ? (
            <select
              aria-label={t.microphone}
              value={deviceId}
              onChange={(event) => {
                setDeviceId(event.target.value);
                if (event.target.value) void voice.setInputDevice(event.target.value);
              }}
            >
              <option value="">{t.systemDefault}</option>
              {devices.map((device, index) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label || t.unnamedMicrophone(index + 1)}
                </option>
              ))}
            </select>
          ) : null}
          <button type="button" className="button button--secondary button--small" onClick={() => void voice.leave()}>
            {t.leave}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--primary button--small"
          disabled={status === 'joining'}
          onClick={() => void voice.join(deviceId ? { deviceId } : {})}
        >
          {t.join}
        </button>
      )}
      {issue ? (
        <span className="voice-control__issue" role="alert" data-problem={issue.problem}>
          {t.problem[issue.problem]}
          {issue.requestId ? ` ${t.requestId(issue.requestId)}` : ''}
        </span>
      ) : null}
    </div>
  );
}
