import { startLevelMeter } from './level-meter';
import { Listeners } from './listeners';
import { createPeerMesh, type PeerMesh, type SignalTransport } from './mesh/peer-mesh';
import { listMicrophones, openMicrophone, stopStream } from './microphone';
import { createRemoteRoster } from './remote-participants';
import { createSpeakingDetector } from './speaking-detector';
import { VoiceFailure, type VoiceAdapter, type VoiceFailureKind, type VoiceJoinOptions, type VoiceJoinParams } from './voice-adapter';

/** Where the sandbox's peers are reached: the room's live channel, as the local user. */
export interface MeshSignalling {
  /** The local user's live channel id. */
  selfId: string;
  transport: SignalTransport;
  /** A user left the room: their connection closes at once. */
  onPeerLeft?(listener: (userId: string) => void): () => void;
  /** The room's channel came back after a drop: peers are greeted again. */
  onReconnected?(listener: () => void): () => void;
}

export interface SandboxAdapterOptions {
  /** Without it the sandbox only meters the local microphone (nothing is sent). */
  signalling?: MeshSignalling;
}

interface RemoteAudio {
  element: HTMLAudioElement;
  meter: { stop(): Promise<void> };
}

/**
 * The sandbox vendor: WebRTC audio between the room's participants (a full mesh, signalled over the
 * room's live channel), with echo cancellation and noise suppression on the microphone. In the app it
 * checks the parameters a real vendor would need (so a broken signature flow fails here too) and then
 * forgets them; the guest page joins with none.
 */
export function createSandboxAdapter(options: SandboxAdapterOptions = {}): VoiceAdapter {
  const levels = new Listeners<number>();
  const speakingChanges = new Listeners<boolean>();
  const errors = new Listeners<VoiceFailure>();
  const roster = createRemoteRoster();
  const speaking = createSpeakingDetector((value) => speakingChanges.emit(value));
  const remoteAudio = new Map<string, RemoteAudio>();
  let stream: MediaStream | null = null;
  let meter: { stop(): Promise<void> } | null = null;
  let mesh: PeerMesh | null = null;
  let subscriptions: Array<() => void> = [];
  let muted = false;
  let outputDeviceId: string | undefined;

  async function capture(deviceId: string | undefined): Promise<MediaStream> {
    const next = await openMicrophone(deviceId);
    const previous = stream;
    await meter?.stop();
    stream = next;
    applyMute();
    const [track] = next.getAudioTracks();
    track?.addEventListener('ended', () => errors.emit(new VoiceFailure('no-microphone', 'The microphone was disconnected.')));
    meter = startLevelMeter(next, (level) => {
      const heard = muted ? 0 : level;
      levels.emit(heard);
      speaking.update(heard);
    });
    if (track) await mesh?.replaceTrack(track);
    if (previous) stopStream(previous);
    return next;
  }

  async function release(): Promise<void> {
    for (const unsubscribe of subscriptions) unsubscribe();
    subscriptions = [];
    mesh?.stop();
    mesh = null;
    for (const userId of [...remoteAudio.keys()]) await dropRemote(userId);
    roster.clear();
    await meter?.stop();
    meter = null;
    if (stream) stopStream(stream);
    stream = null;
  }

  function applyMute(): void {
    for (const track of stream?.getAudioTracks() ?? []) track.enabled = !muted;
  }

  async function dropRemote(userId: string): Promise<void> {
    const remote = remoteAudio.get(userId);
    remoteAudio.delete(userId);
    if (!remote) return;
    remote.element.srcObject = null;
    await remote.meter.stop();
  }

  function playRemote(userId: string, remoteStream: MediaStream): void {
    void dropRemote(userId);
    // Played through an element (not only WebAudio): Chromium pulls remote audio for elements.
    const element = new Audio();
    element.autoplay = true;
    element.srcObject = remoteStream;
    if (outputDeviceId) void routeTo(element, outputDeviceId);
    void element.play().catch(() => undefined);
    const detector = createSpeakingDetector((value) => roster.patch(userId, { speaking: value }));
    const meter = startLevelMeter(remoteStream, (level) => {
      detector.update(level);
      roster.patch(userId, { level: Math.round(level * 100) / 100 });
    });
    remoteAudio.set(userId, { element, meter });
  }

  function startMesh(signalling: MeshSignalling, track: MediaStreamTrack): void {
    const current = createPeerMesh({
      selfId: signalling.selfId,
      transport: signalling.transport,
      track,
      onRemoteStream: (userId, remoteStream) => {
        if (remoteStream) playRemote(userId, remoteStream);
        else {
          void dropRemote(userId);
          roster.patch(userId, { level: 0, speaking: false });
        }
      },
      onPeerState: (userId, state) => {
        if (state === null) roster.remove(userId);
        else roster.set(userId, { connection: state });
      },
    });
    mesh = current;
    subscriptions = [
      signalling.onPeerLeft?.((userId) => current.peerLeft(userId)) ?? (() => undefined),
      signalling.onReconnected?.(() => current.announce()) ?? (() => undefined),
    ];
    current.start();
  }

  return {
    async join(params: VoiceJoinParams | null, joinOptions: VoiceJoinOptions = {}) {
      if (params !== null) {
        if (params.vendor !== 'sandbox') throw new VoiceFailure('join-failed', `The sandbox cannot join a ${params.vendor} room.`);
        const problem = missingParameter(params);
        if (problem) throw new VoiceFailure('join-failed', problem);
      }
      await release();
      muted = false;
      outputDeviceId = joinOptions.outputDeviceId;
      const opened = await capture(joinOptions.deviceId);
      const [track] = opened.getAudioTracks();
      if (options.signalling && track) startMesh(options.signalling, track);
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
    onRemote: (listener) => roster.onChange(listener),
  };
}

/** Plays an element through a chosen speaker where the browser can (Chromium, Edge); silently stays on the default elsewhere. */
export async function routeTo(element: HTMLMediaElement, deviceId: string): Promise<boolean> {
  const withSink = element as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  if (typeof withSink.setSinkId !== 'function') return false;
  try {
    await withSink.setSinkId(deviceId);
    return true;
  } catch {
    return false;
  }
}

function missingParameter(params: Extract<VoiceJoinParams, { vendor: 'sandbox' }>): string | null {
  if (!(params.sdkAppId > 0)) return 'The voice app id is missing.';
  if (!(params.roomId > 0)) return 'The voice room number is missing.';
  if (!params.userId) return 'The voice user is missing.';
  if (!params.userSig) return 'The voice signature is missing.';
  return null;
}

export type { VoiceFailureKind };
