import { routeTo } from './sandbox-adapter';

const TONE_HZ = 440;
const TONE_MS = 900;

/**
 * The pre-join speaker test: a short generated tone (no file) through the chosen speaker. The tone
 * goes WebAudio → a MediaStream → an audio element, because only elements can pick an output
 * (setSinkId); where the browser cannot, it plays on the default output. Resolves when it ends.
 */
export async function playTestTone(outputDeviceId?: string): Promise<{ routed: boolean }> {
  const context = new AudioContext();
  try {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = TONE_HZ;
    const gain = context.createGain();
    // A soft start and end, so the tone does not click.
    gain.gain.setValueAtTime(0, context.currentTime);
    gain.gain.linearRampToValueAtTime(0.3, context.currentTime + 0.05);
    gain.gain.setValueAtTime(0.3, context.currentTime + TONE_MS / 1000 - 0.1);
    gain.gain.linearRampToValueAtTime(0, context.currentTime + TONE_MS / 1000);
    const destination = context.createMediaStreamDestination();
    oscillator.connect(gain).connect(destination);
    const element = new Audio();
    element.srcObject = destination.stream;
    const routed = outputDeviceId ? await routeTo(element, outputDeviceId) : false;
    await context.resume().catch(() => undefined);
    oscillator.start();
    await element.play().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, TONE_MS));
    oscillator.stop();
    element.srcObject = null;
    return { routed };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** The speakers the system offers (labels only once the microphone was allowed). */
export async function listSpeakers(): Promise<MediaDeviceInfo[]> {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.filter((device) => device.kind === 'audiooutput' && device.deviceId !== '');
  } catch {
    return [];
  }
}
