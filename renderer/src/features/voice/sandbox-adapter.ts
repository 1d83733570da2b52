import { startLevelMeter } from './level-meter';
import { Listeners } from './listeners';
import { listMicrophones, openMicrophone, stopStream } from './microphone';
import { createSpeakingDetector } from './speaking-detector';
import { VoiceFailure, type VoiceAdapter, type VoiceFailureKind, type VoiceJoinOptions, type VoiceJoinParams } from './voice-adapter';

/**
 * The sandbox vendor: the local microphone with a level meter and nothing sent anywhere. It
 * checks the parameters a real vendor would need (so a broken signature flow fails here too) and
 * then forgets them.
 */
export function createSandboxAdapter(): VoiceAdapter {
  const levels = new Listeners<number>();
  const speakingChanges = new Listeners<boolean>();
  const errors = new Listeners<VoiceFailure>();
  const speaking = createSpeakingDetector((value) => speakingChanges.emit(value));
  let stream: MediaStream | null = null;
  let meter: { stop(): Promise<void> } | null = null;
  let muted = false;

  async function capture(deviceId: string | undefined): Promise<void> {
    const next = await openMicrophone(deviceId);
    await release();
    stream = next;
    applyMute();
    const [track] = next.getAudioTracks();
    track?.addEventListener('ended', () => errors.emit(new VoiceFailure('no-microphone', 'The microphone was disconnected.')));
    meter = startLevelMeter(next, (level) => {
      const heard = muted ? 0 : level;
      levels.emit(heard);
      speaking.update(heard);
    });
  }

  async function release(): Promise<void> {
    await meter?.stop();
    meter = null;
    if (stream) stopStream(stream);
    stream = null;
  }

  function applyMute(): void {
    for (const track of stream?.getAudioTracks() ?? []) track.enabled = !muted;
  }

  return {
    async join(params: VoiceJoinParams, options: VoiceJoinOptions = {}) {
      if (params.vendor !== 'sandbox') throw new VoiceFailure('join-failed', `The sandbox cannot join a ${params.vendor} room.`);
      const problem = missingParameter(params);
      if (problem) throw new VoiceFailure('join-failed', problem);
      muted = false;
      await capture(options.deviceId);
    },
    async leave() {
      await release();
      speaking.reset();
      levels.emit(0);
    },
    async setMuted(next: boolean) {
      muted = next;
      applyMute();
      if (muted) {
        speaking.reset();
        levels.emit(0);
      }
    },
    async setInputDevice(deviceId: string) {
      if (!stream) return;
      await capture(deviceId);
    },
    listInputDevices: listMicrophones,
    onLevel: (listener) => levels.add(listener),
    onSpeaking: (listener) => speakingChanges.add(listener),
    onError: (listener) => errors.add(listener),
  };
}

function missingParameter(params: Extract<VoiceJoinParams, { vendor: 'sandbox' }>): string | null {
  if (!(params.sdkAppId > 0)) return 'The voice app id is missing.';
  if (!(params.roomId > 0)) return 'The voice room number is missing.';
  if (!params.userId) return 'The voice user is missing.';
  if (!params.userSig) return 'The voice signature is missing.';
  return null;
}

export type { VoiceFailureKind };
