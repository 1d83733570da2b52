import { startLevelMeter } from './level-meter';
import { toVoiceFailure } from './media-errors';

export function audioConstraints(deviceId: string | undefined): MediaStreamConstraints {
  return { audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false };
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
 * The microphones the system offers. Chromium has been seen never to settle `enumerateDevices`
 * right after a capture stopped, so the list gives up after two seconds rather than block the UI.
 */
export async function listMicrophones(): Promise<MediaDeviceInfo[]> {
  const timeout = new Promise<MediaDeviceInfo[]>((resolve) => setTimeout(() => resolve([]), LIST_TIMEOUT_MS));
  const devices = await Promise.race([navigator.mediaDevices.enumerateDevices(), timeout]);
  return devices.filter((device) => device.kind === 'audioinput' && device.deviceId !== '');
}

export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * The pre-flight microphone check: opens the microphone for `durationMs`, reports the level as it
 * goes and resolves with the loudest reading. The microphone is closed again afterwards.
 */
export async function probeMicrophone(options: { deviceId?: string; durationMs?: number; onLevel?: (level: number) => void }) {
  const stream = await openMicrophone(options.deviceId);
  let peak = 0;
  const meter = startLevelMeter(stream, (level) => {
    peak = Math.max(peak, level);
    options.onLevel?.(level);
  });
  await new Promise((resolve) => setTimeout(resolve, options.durationMs ?? 1500));
  // Listed while the microphone is open: labels are only given out while capture is allowed.
  const devices = await listMicrophones();
  await meter.stop();
  stopStream(stream);
  return { peak, devices };
}
