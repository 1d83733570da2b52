import type { JoinVoiceOutput } from '../../../../common/voice';

/** What a vendor adapter joins with: the bridge's `joinVoice` answer. */
export type VoiceJoinParams = JoinVoiceOutput;

export interface VoiceJoinOptions {
  /** A microphone's `deviceId`; the system default when absent. */
  deviceId?: string;
  /** A speaker's `deviceId` (setSinkId where the browser has it); the system default when absent. */
  outputDeviceId?: string;
}

/** Someone else in voice, keyed by their live channel user id. */
export interface RemoteVoiceParticipant {
  userId: string;
  /** `lost`: the connection dropped and is being rebuilt. */
  connection: 'connecting' | 'connected' | 'lost';
  /** What is heard from them, 0..1. */
  level: number;
  speaking: boolean;
}

export type { VoiceFailureKind } from '../../lib/voice-problem';
import type { VoiceFailureKind } from '../../lib/voice-problem';

export class VoiceFailure extends Error {
  constructor(
    readonly kind: VoiceFailureKind,
    /** The vendor's or browser's own words, for the details line; never a signature. */
    readonly detail?: string,
    options: { final?: boolean } = {},
  ) {
    super(detail ? `${kind}: ${detail}` : kind);
    this.name = 'VoiceFailure';
    this.final = options.final ?? false;
  }

  /** The vendor removed us for good (kicked, banned, room disbanded): joining again on our own would be wrong. */
  readonly final: boolean;
}

export type Unsubscribe = () => void;

/**
 * One voice vendor. `join` resolves once the local microphone is live in the room; the adapter
 * must not keep the join parameters (they hold the signature) beyond what its SDK needs.
 */
export interface VoiceAdapter {
  /** `null` only for the sandbox on the guest page, which holds no signature. */
  join(params: VoiceJoinParams | null, options?: VoiceJoinOptions): Promise<void>;
  leave(): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  setInputDevice(deviceId: string): Promise<void>;
  listInputDevices(): Promise<MediaDeviceInfo[]>;
  /** The local microphone level, 0..1, a few times a second while joined. */
  onLevel(listener: (level: number) => void): Unsubscribe;
  onSpeaking(listener: (speaking: boolean) => void): Unsubscribe;
  /** Failures after `join` resolved (device lost, vendor dropped the call). */
  onError(listener: (failure: VoiceFailure) => void): Unsubscribe;
  /** The other participants in voice, whenever one joins, leaves, or their level changes. */
  onRemote(listener: (participants: RemoteVoiceParticipant[]) => void): Unsubscribe;
}
