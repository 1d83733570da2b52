import { backoffDelay, type BackoffPolicy } from '../../../../common/backoff';
import { Listeners } from './listeners';
import {
  VoiceFailure,
  type RemoteVoiceParticipant,
  type Unsubscribe,
  type VoiceAdapter,
  type VoiceJoinOptions,
  type VoiceJoinParams,
} from './voice-adapter';

/** 2 s, 4 s, 8 s, 16 s: a Wi-Fi hiccup or a vendor's short outage, not a long one. */
export const VOICE_REJOIN_BACKOFF: BackoffPolicy = { initialMs: 2_000, maxMs: 16_000, factor: 2 };
export const VOICE_REJOIN_ATTEMPTS = 4;

export interface RejoiningAdapterOptions {
  /** A new vendor adapter for each (re)join: an SDK client that dropped is not reused. */
  create(): Promise<VoiceAdapter>;
  /**
   * The parameters of rejoin number `attempt` (1-based): the app fetches a fresh signature, the guest
   * page reuses its own until it expires. A `VoiceFailure` thrown here ends the rejoining with it.
   */
  params(attempt: number): Promise<VoiceJoinParams>;
  policy?: BackoffPolicy;
  maxAttempts?: number;
  wait?(ms: number): Promise<void>;
}

/** A vendor adapter that rejoins on its own when the vendor drops it; `onReconnecting` tells the attempt (null once over). */
export type RejoiningAdapter = VoiceAdapter & { onReconnecting(listener: (attempt: number | null) => void): Unsubscribe };

/** Failures of the microphone are the user's to fix: rejoining would fail the same way. */
const MICROPHONE_KINDS = new Set(['no-microphone', 'permission-denied', 'microphone-busy']);

/**
 * TRTC and Chime: when the vendor drops the call (`disconnected`), leave that client and join again
 * with growing waits, with fresh parameters each time; after the last attempt report the vendor as
 * unreachable (`join-failed`). The first join's failures are the caller's, as with any adapter.
 */
export function createRejoiningAdapter(options: RejoiningAdapterOptions): RejoiningAdapter {
  const policy = options.policy ?? VOICE_REJOIN_BACKOFF;
  const maxAttempts = options.maxAttempts ?? VOICE_REJOIN_ATTEMPTS;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const level = new Listeners<number>();
  const speaking = new Listeners<boolean>();
  const errors = new Listeners<VoiceFailure>();
  const remote = new Listeners<RemoteVoiceParticipant[]>();
  const reconnecting = new Listeners<number | null>();
  let inner: VoiceAdapter | null = null;
  let detach: Unsubscribe[] = [];
  let joinOptions: VoiceJoinOptions = {};
  let muted = false;
  let stopped = false;
  let rejoining = false;

  function attach(adapter: VoiceAdapter): void {
    inner = adapter;
    detach = [
      adapter.onLevel((value) => level.emit(value)),
      adapter.onSpeaking((value) => speaking.emit(value)),
      adapter.onRemote((list) => remote.emit(list)),
      adapter.onError((failure) => {
        if (inner !== adapter || stopped) return;
        if (failure.kind === 'disconnected' && !failure.final) void rejoin();
        else errors.emit(failure);
      }),
    ];
  }

  async function drop(): Promise<void> {
    for (const unsubscribe of detach) unsubscribe();
    detach = [];
    const current = inner;
    inner = null;
    await current?.leave().catch(() => undefined);
  }

  async function rejoin(): Promise<void> {
    if (rejoining) return;
    rejoining = true;
    await drop();
    remote.emit([]);
    speaking.emit(false);
    try {
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        reconnecting.emit(attempt);
        await wait(backoffDelay(policy, attempt - 1));
        if (stopped) return;
        let next: VoiceAdapter | null = null;
        try {
          const params = await options.params(attempt);
          if (stopped) return;
          next = await options.create();
          if (stopped) return void (await next.leave().catch(() => undefined));
          attach(next);
          await next.join(params, joinOptions);
          if (muted) await next.setMuted(true);
          if (stopped) return;
          reconnecting.emit(null);
          return;
        } catch (error) {
          if (next) await drop();
          if (stopped) return;
          if (error instanceof VoiceFailure && (MICROPHONE_KINDS.has(error.kind) || !next)) {
            reconnecting.emit(null);
            return errors.emit(error);
          }
        }
      }
      reconnecting.emit(null);
      errors.emit(new VoiceFailure('join-failed', `The voice service did not answer after ${maxAttempts} attempts to rejoin.`));
    } finally {
      rejoining = false;
    }
  }

  return {
    async join(params, joinWith = {}) {
      if (params === null) throw new VoiceFailure('join-failed', 'A TRTC or Chime room needs a voice signature.');
      stopped = false;
      joinOptions = { ...joinWith };
      const adapter = await options.create();
      attach(adapter);
      await adapter.join(params, joinOptions);
    },
    async leave() {
      stopped = true;
      await drop();
    },
    async setMuted(next) {
      await inner?.setMuted(next);
      muted = next;
    },
    async setInputDevice(deviceId) {
      await inner?.setInputDevice(deviceId);
      joinOptions = { ...joinOptions, deviceId };
    },
    listInputDevices: async () => (await inner?.listInputDevices()) ?? [],
    onLevel: (listener) => level.add(listener),
    onSpeaking: (listener) => speaking.add(listener),
    onError: (listener) => errors.add(listener),
    onRemote: (listener) => remote.add(listener),
    onReconnecting: (listener) => reconnecting.add(listener),
  };
}
