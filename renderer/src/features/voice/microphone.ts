import { startLevelMeter } from './level-meter';
import { toVoiceFailure } from './media-errors';

/** Voice wants the browser's echo cancellation and noise suppression on, whatever the device's defaults. */
export function audioConstraints(deviceId: string | undefined): MediaStreamConstraints {
  return {
    audio: {
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    },
    video: false,
  };
}

/** Opens the microphone (this is what asks the user for permission); failures become VoiceFailure. */
export async function openMicrophone(deviceId?: string): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia(audioConstraints(deviceId));
  } catch (error) {
    throw toVoiceFailure(error, 'microphone-busy');
  }
}

const LIST_TIMEOUT_MS = 2000;

/**
 * The microphones the system offers. Chromium has been seen to settle `enumerateDevices` very late
 * (or never) around a capture, so the list answers empty after two seconds rather than block the
 * UI, and hands a late answer to `onLate` when one still comes.
 */
export async function listMicrophones(onLate?: (devices: MediaDeviceInfo[]) => void): Promise<MediaDeviceInfo[]> {
  const microphonesOnly = (devices: MediaDeviceInfo[]) =>
    devices.filter((device) => device.kind === 'audioinput' && device.deviceId !== '');
  const listing = navigator.mediaDevices.enumerateDevices().then(microphonesOnly);
  let timedOut = false;
  const timeout = new Promise<MediaDeviceInfo[]>((resolve) =>
    setTimeout(() => {
      timedOut = true;
      resolve([]);
    }, LIST_TIMEOUT_MS),
  );
  void listing.then(
    (devices) => {
      if (timedOut) onLate?.(devices);
    },
    () => undefined,
  );
  return Promise.race([listing, timeout]);
}

export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * The pre-flight microphone check: opens the microphone for `durationMs`, reports the level as it
 * goes and resolves with the loudest reading. The microphone is closed again afterwards.
 */
export async function probeMicrophone(options: {
  deviceId?: string;
  durationMs?: number;
  onLevel?: (level: number) => void;
  onLateDevices?: (devices: MediaDeviceInfo[]) => void;
}) {
  const stream = await openMicrophone(options.deviceId);
  let peak = 0;
  const meter = startLevelMeter(stream, (level) => {
    peak = Math.max(peak, level);
    options.onLevel?.(level);
  });
  await new Promise((resolve) => setTimeout(resolve, options.durationMs ?? 1500));
  // Listed while the microphone is open: labels are only given out while capture is allowed.
  const devices = await listMicrophones(options.onLateDevices);
  await meter.stop();
  stopStream(stream);
  return { peak, devices };
}
