import type { AudioVideoFacade, AudioVideoObserver, DefaultMeetingSession, Logger, MeetingSessionStatus } from 'amazon-chime-sdk-js';
import { Listeners } from './listeners';
import { createRemoteRoster } from './remote-participants';
import { toVoiceFailure } from './media-errors';
import { createSpeakingDetector } from './speaking-detector';
import { VoiceFailure, type VoiceAdapter, type VoiceJoinOptions, type VoiceJoinParams } from './voice-adapter';

type ChimeModule = typeof import('amazon-chime-sdk-js');

/** How long `audioVideo.start()` may take to report the meeting started. */
const START_TIMEOUT_MS = 20_000;

/**
 * Amazon Chime (amazon-chime-sdk-js v3), joined with the meeting and attendee decoded in main.
 * The SDK is imported only when a Chime room is joined. Its log lines pass through a filter that
 * blanks the attendee's join token, the secret of a Chime join.
 */
export function createChimeAdapter(): VoiceAdapter {
  const levels = new Listeners<number>();
  const speakingChanges = new Listeners<boolean>();
  const errors = new Listeners<VoiceFailure>();
  const speaking = createSpeakingDetector((value) => speakingChanges.emit(value));
  const roster = createRemoteRoster();
  let session: DefaultMeetingSession | null = null;
  let observer: AudioVideoObserver | null = null;
  let audioElement: HTMLAudioElement | null = null;
  let chime: ChimeModule | null = null;
  let deviceLister: { listAudioInputDevices(): Promise<MediaDeviceInfo[]> } | null = null;

  async function load(): Promise<ChimeModule> {
    chime ??= await import('amazon-chime-sdk-js');
    return chime;
  }

  function teardown(): void {
    const current = session;
    session = null;
    if (!current) return;
    if (observer) current.audioVideo.removeObserver(observer);
    observer = null;
    current.audioVideo.unbindAudioElement();
    current.audioVideo.stop();
    void current.audioVideo.stopAudioInput().catch(() => undefined);
    audioElement?.remove();
    audioElement = null;
    roster.clear();
  }

  return {
    async join(params: VoiceJoinParams | null, options: VoiceJoinOptions = {}) {
      if (params === null) throw new VoiceFailure('join-failed', 'Amazon Chime needs a voice signature.');
      if (params.vendor !== 'chime') throw new VoiceFailure('join-failed', `Amazon Chime cannot join a ${params.vendor} room.`);
      const sdk = await load();
      teardown();
      const logger = redactingLogger(new sdk.ConsoleLogger('RoomdeskVoice', sdk.LogLevel.WARN), [params.attendee.JoinToken]);
      const deviceController = new sdk.DefaultDeviceController(logger);
      deviceLister = deviceController;
      const configuration = new sdk.MeetingSessionConfiguration({ Meeting: params.meeting }, { Attendee: params.attendee });
      const current = new sdk.DefaultMeetingSession(configuration, logger, deviceController);
      session = current;
      const audioVideo = current.audioVideo;

      try {
        await audioVideo.startAudioInput(options.deviceId ?? 'default');
      } catch (error) {
        teardown();
        throw toVoiceFailure(error, 'microphone-busy');
      }
      audioElement = document.createElement('audio');
      audioElement.hidden = true;
      document.body.append(audioElement);
      await audioVideo.bindAudioElement(audioElement);
      audioVideo.realtimeSubscribeToVolumeIndicator(params.attendee.AttendeeId, (_attendeeId, volume, muted) => {
        const level = muted ? 0 : Math.min(1, Math.max(0, volume ?? 0));
        levels.emit(level);
        speaking.update(level);
      });
      const ownAttendeeId = params.attendee.AttendeeId;
      // Others are keyed by their external user id, which Realsee sets to the live channel user id.
      audioVideo.realtimeSubscribeToAttendeeIdPresence((attendeeId, present, externalUserId) => {
        if (attendeeId === ownAttendeeId) return;
        const userId = externalUserId ?? attendeeId;
        if (!present) return roster.remove(userId);
        roster.set(userId, { connection: 'connected' });
        const detector = createSpeakingDetector((value) => roster.patch(userId, { speaking: value }));
        audioVideo.realtimeSubscribeToVolumeIndicator(attendeeId, (_id, volume, muted) => {
          const level = muted ? 0 : Math.min(1, Math.max(0, volume ?? 0));
          roster.patch(userId, { level });
          detector.update(level);
        });
      });

      try {
        await startMeeting(
          audioVideo,
          sdk,
          (failure) => errors.emit(failure),
          (registered) => (observer = registered),
        );
      } catch (error) {
        teardown();
        throw error;
      }
    },
    async leave() {
      teardown();
      speaking.reset();
      levels.emit(0);
    },
    async setMuted(muted: boolean) {
      const audioVideo = session?.audioVideo;
      if (!audioVideo) return;
      if (muted) audioVideo.realtimeMuteLocalAudio();
      else audioVideo.realtimeUnmuteLocalAudio();
      if (muted) speaking.reset();
    },
    async setInputDevice(deviceId: string) {
      try {
        await session?.audioVideo.startAudioInput(deviceId);
      } catch (error) {
        throw toVoiceFailure(error, 'microphone-busy');
      }
    },
    async listInputDevices() {
      if (deviceLister) return deviceLister.listAudioInputDevices();
      const devices = await navigator.mediaDevices.enumerateDevices();
      return devices.filter((device) => device.kind === 'audioinput' && device.deviceId !== '');
    },
    onLevel: (listener) => levels.add(listener),
    onSpeaking: (listener) => speakingChanges.add(listener),
    onError: (listener) => errors.add(listener),
    onRemote: (listener) => roster.onChange(listener),
  };
}

/** Starts the meeting and resolves on `audioVideoDidStart`; a stop before that is a join failure. */
function startMeeting(
  audioVideo: AudioVideoFacade,
  sdk: ChimeModule,
  onLaterFailure: (failure: VoiceFailure) => void,
  register: (observer: AudioVideoObserver) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => {
      if (!started) reject(new VoiceFailure('join-failed', 'Amazon Chime did not answer in time.'));
    }, START_TIMEOUT_MS);
    const describe = (status: MeetingSessionStatus) =>
      `Amazon Chime status ${sdk.MeetingSessionStatusCode[status.statusCode()] ?? status.statusCode()}`;
    const observer: AudioVideoObserver = {
      audioVideoDidStart() {
        started = true;
        clearTimeout(timer);
        resolve();
      },
      audioVideoDidStop(status) {
        clearTimeout(timer);
        if (!started) reject(new VoiceFailure('join-failed', describe(status)));
        else if (status.isFailure()) onLaterFailure(new VoiceFailure('disconnected', describe(status)));
      },
    };
    register(observer);
    audioVideo.addObserver(observer);
    audioVideo.start();
  });
}

/** Wraps a Chime logger so no line carries the given secrets. */
function redactingLogger(inner: Logger, secrets: string[]): Logger {
  const scrub = (text: string) => secrets.reduce((line, secret) => (secret ? line.split(secret).join('[redacted]') : line), text);
  return {
    debug: (message) => inner.debug(() => scrub(typeof message === 'function' ? message() : message)),
    info: (message) => inner.info(scrub(message)),
    warn: (message) => inner.warn(scrub(message)),
    error: (message) => inner.error(scrub(message)),
    setLogLevel: (level) => inner.setLogLevel(level),
    getLogLevel: () => inner.getLogLevel(),
  };
}
