import type { LOG_LEVEL } from 'trtc-sdk-v5';
import { Listeners } from './listeners';
import { createRemoteRoster } from './remote-participants';
import { toVoiceFailure } from './media-errors';
import { createSpeakingDetector } from './speaking-detector';
import { VoiceFailure, type VoiceAdapter, type VoiceJoinOptions, type VoiceJoinParams } from './voice-adapter';

type TrtcModule = typeof import('trtc-sdk-v5');
type TrtcClient = ReturnType<TrtcModule['default']['create']>;

const VOLUME_INTERVAL_MS = 200;
/** LOG_LEVEL.WARN: the SDK's INFO lines describe room entry in detail; we keep its console quiet. */
const SDK_LOG_LEVEL = 3 as LOG_LEVEL;

/**
 * Tencent TRTC (Web SDK v5). The SDK is imported only when a TRTC room is joined, so it is not
 * part of the first screen. Remote audio plays automatically (`autoReceiveAudio` defaults on).
 */
export function createTrtcAdapter(): VoiceAdapter {
  const levels = new Listeners<number>();
  const speakingChanges = new Listeners<boolean>();
  const errors = new Listeners<VoiceFailure>();
  const speaking = createSpeakingDetector((value) => speakingChanges.emit(value));
  const roster = createRemoteRoster();
  const remoteSpeaking = new Map<string, ReturnType<typeof createSpeakingDetector>>();
  let client: TrtcClient | null = null;
  let sdk: TrtcModule['default'] | null = null;

  async function load(): Promise<TrtcModule['default']> {
    if (sdk) return sdk;
    const module = await import('trtc-sdk-v5');
    sdk = module.default;
    // Logs stay local: uploaded SDK logs would carry room entry details off the machine.
    sdk.setLogLevel(SDK_LOG_LEVEL, false);
    return sdk;
  }

  async function teardown(): Promise<void> {
    const current = client;
    client = null;
    if (!current) return;
    await current.stopLocalAudio().catch(() => undefined);
    await current.exitRoom().catch(() => undefined);
    current.destroy();
    remoteSpeaking.clear();
    roster.clear();
  }

  return {
    async join(params: VoiceJoinParams | null, options: VoiceJoinOptions = {}) {
      if (params === null) throw new VoiceFailure('join-failed', 'TRTC needs a voice signature.');
      if (params.vendor !== 'trtc') throw new VoiceFailure('join-failed', `TRTC cannot join a ${params.vendor} room.`);
      const TRTC = await load();
      await teardown();
      const trtc = TRTC.create();
      client = trtc;
      trtc.on(TRTC.EVENT.AUDIO_VOLUME, ({ result }) => {
        // The local microphone is the entry with an empty userId; volume is 0..100.
        const local = result.find((entry) => entry.userId === '');
        const level = Math.min(1, Math.max(0, (local?.volume ?? 0) / 100));
        levels.emit(level);
        speaking.update(level);
        for (const entry of result) {
          if (entry.userId === '') continue;
          const remoteLevel = Math.min(1, Math.max(0, entry.volume / 100));
          roster.patch(entry.userId, { level: remoteLevel });
          remoteSpeaking.get(entry.userId)?.update(remoteLevel);
        }
      });
      // Remote users are keyed by their TRTC user id, which Realsee signs as the live channel user id.
      trtc.on(TRTC.EVENT.REMOTE_AUDIO_AVAILABLE, ({ userId }) => {
        roster.set(userId, { connection: 'connected' });
        remoteSpeaking.set(
          userId,
          createSpeakingDetector((value) => roster.patch(userId, { speaking: value })),
        );
      });
      trtc.on(TRTC.EVENT.REMOTE_USER_EXIT, ({ userId }) => {
        remoteSpeaking.delete(userId);
        roster.remove(userId);
      });
      trtc.on(TRTC.EVENT.ERROR, (error) => errors.emit(toVoiceFailure(error, 'disconnected')));
      trtc.on(TRTC.EVENT.KICKED_OUT, ({ reason }) =>
        errors.emit(new VoiceFailure('disconnected', `Removed from the voice room (${reason}).`, { final: true })),
      );
      trtc.enableAudioVolumeEvaluation(VOLUME_INTERVAL_MS);
      try {
        await trtc.enterRoom({ sdkAppId: params.sdkAppId, userId: params.userId, userSig: params.userSig, roomId: params.roomId });
      } catch (error) {
        await teardown();
        throw toVoiceFailure(error, 'join-failed');
      }
      try {
        await trtc.startLocalAudio(options.deviceId ? { option: { microphoneId: options.deviceId } } : {});
      } catch (error) {
        await teardown();
        throw toVoiceFailure(error, 'microphone-busy');
      }
    },
    async leave() {
      await teardown();
      speaking.reset();
      levels.emit(0);
    },
    async setMuted(muted: boolean) {
      await client?.updateLocalAudio({ mute: muted });
      if (muted) speaking.reset();
    },
    async setInputDevice(deviceId: string) {
      try {
        await client?.updateLocalAudio({ option: { microphoneId: deviceId } });
      } catch (error) {
        throw toVoiceFailure(error, 'microphone-busy');
      }
    },
    async listInputDevices() {
      const TRTC = await load();
      return (await TRTC.getMicrophoneList()).filter((device) => device.deviceId !== '');
    },
    onLevel: (listener) => levels.add(listener),
    onSpeaking: (listener) => speakingChanges.add(listener),
    onError: (listener) => errors.add(listener),
    onRemote: (listener) => roster.onChange(listener),
  };
}
