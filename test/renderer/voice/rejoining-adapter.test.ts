import { describe, expect, it, vi } from 'vitest';
import type { JoinVoiceOutput } from '../../../common/voice';
import { createRejoiningAdapter } from '../../../renderer/src/features/voice/rejoining-adapter';
import { Listeners } from '../../../renderer/src/features/voice/listeners';
import { VoiceFailure, type VoiceAdapter } from '../../../renderer/src/features/voice/voice-adapter';

function params(sign: string): JoinVoiceOutput {
  return {
    vendor: 'trtc',
    roomCode: 'RC1',
    userId: 'agent',
    vendorSource: 'rtc-info',
    obtainedAt: 0,
    expiresAt: Date.now() + 3_600_000,
    sdkAppId: 1_400_000_001,
    userSig: sign,
    roomId: 42,
  };
}

/** A vendor adapter whose errors the test raises; `joins` fail in order when they hold an error. */
function fakeVendor(outcomes: (Error | null)[] = []) {
  const made: {
    adapter: VoiceAdapter;
    errors: Listeners<VoiceFailure>;
    join: ReturnType<typeof vi.fn>;
    leave: ReturnType<typeof vi.fn>;
  }[] = [];
  const create = vi.fn(async () => {
    const errors = new Listeners<VoiceFailure>();
    const outcome = outcomes[made.length] ?? null;
    const join = vi.fn(async () => {
      if (outcome) throw outcome;
    });
    const leave = vi.fn(async () => undefined);
    const adapter: VoiceAdapter = {
      join,
      leave,
      setMuted: vi.fn(async () => undefined),
      setInputDevice: vi.fn(async () => undefined),
      listInputDevices: vi.fn(async () => []),
      onLevel: () => () => undefined,
      onSpeaking: () => () => undefined,
      onError: (listener) => errors.add(listener),
      onRemote: () => () => undefined,
    };
    made.push({ adapter, errors, join, leave });
    return adapter;
  });
  return { create, made };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('TRTC and Chime voice rejoins when the vendor drops it', () => {
  it('rejoins after a growing wait with a fresh signature each time, saying which attempt it is', async () => {
    const vendor = fakeVendor([null, new VoiceFailure('join-failed', 'ERR_NETWORK'), null]);
    const waits: number[] = [];
    let signatures = 0;
    const fresh = vi.fn(async () => params(`fresh-${++signatures}`));
    const adapter = createRejoiningAdapter({ create: vendor.create, params: fresh, wait: async (ms) => void waits.push(ms) });
    const attempts: (number | null)[] = [];
    const errors: VoiceFailure[] = [];
    adapter.onReconnecting((attempt) => attempts.push(attempt));
    adapter.onError((failure) => errors.push(failure));

    await adapter.join(params('first'), { deviceId: 'mic-2' });
    await adapter.setMuted(true);
    vendor.made[0]!.errors.emit(new VoiceFailure('disconnected', 'CONNECTION_STATE_CHANGED DISCONNECTED'));
    await settle();

    expect(vendor.made[0]!.leave).toHaveBeenCalled();
    expect(waits).toEqual([2_000, 4_000]);
    expect(fresh).toHaveBeenCalledTimes(2);
    expect(vendor.made[1]!.join).toHaveBeenCalledWith(expect.objectContaining({ userSig: 'fresh-1' }), { deviceId: 'mic-2' });
    expect(vendor.made[1]!.leave).toHaveBeenCalled();
    expect(vendor.made[2]!.join).toHaveBeenCalledWith(expect.objectContaining({ userSig: 'fresh-2' }), { deviceId: 'mic-2' });
    expect(vendor.made[2]!.adapter.setMuted).toHaveBeenCalledWith(true);
    expect(attempts).toEqual([1, 2, null]);
    expect(errors).toEqual([]);
  });

  it('gives up after the last attempt with the vendor-unreachable failure', async () => {
    const down = new VoiceFailure('join-failed', 'ERR_NETWORK');
    const vendor = fakeVendor([null, down, down, down]);
    const waits: number[] = [];
    const adapter = createRejoiningAdapter({
      create: vendor.create,
      params: async () => params('fresh'),
      maxAttempts: 3,
      wait: async (ms) => void waits.push(ms),
    });
    const errors: VoiceFailure[] = [];
    const attempts: (number | null)[] = [];
    adapter.onError((failure) => errors.push(failure));
    adapter.onReconnecting((attempt) => attempts.push(attempt));
    await adapter.join(params('first'));
    vendor.made[0]!.errors.emit(new VoiceFailure('disconnected'));
    await settle();
    expect(waits).toEqual([2_000, 4_000, 8_000]);
    expect(attempts).toEqual([1, 2, 3, null]);
    expect(errors.map((failure) => failure.kind)).toEqual(['join-failed']);
    expect(vendor.made.slice(1).every((made) => made.leave.mock.calls.length === 1)).toBe(true);
  });

  it('stops when the parameters cannot be had (a guest whose signature expired), and when left', async () => {
    const vendor = fakeVendor();
    const expired = new VoiceFailure('join-failed', 'signature expired');
    const adapter = createRejoiningAdapter({
      create: vendor.create,
      params: async () => Promise.reject(expired),
      wait: async () => undefined,
    });
    const errors: VoiceFailure[] = [];
    adapter.onError((failure) => errors.push(failure));
    await adapter.join(params('first'));
    vendor.made[0]!.errors.emit(new VoiceFailure('disconnected'));
    await settle();
    expect(errors).toEqual([expired]);
    expect(vendor.create).toHaveBeenCalledTimes(1);

    const left = fakeVendor();
    let release = () => undefined as void;
    const leaving = createRejoiningAdapter({
      create: left.create,
      params: async () => params('fresh'),
      wait: () => new Promise<void>((resolve) => (release = resolve)),
    });
    await leaving.join(params('first'));
    left.made[0]!.errors.emit(new VoiceFailure('disconnected'));
    await settle();
    await leaving.leave();
    release();
    await settle();
    expect(left.create).toHaveBeenCalledTimes(1);
  });

  it('passes other failures on as they are', async () => {
    const vendor = fakeVendor();
    const adapter = createRejoiningAdapter({ create: vendor.create, params: async () => params('fresh'), wait: async () => undefined });
    const errors: VoiceFailure[] = [];
    adapter.onError((failure) => errors.push(failure));
    await adapter.join(params('first'));
    vendor.made[0]!.errors.emit(new VoiceFailure('no-microphone'));
    await settle();
    expect(errors.map((failure) => failure.kind)).toEqual(['no-microphone']);
    expect(vendor.create).toHaveBeenCalledTimes(1);
  });

  it('does not rejoin a call the vendor removed us from for good (kicked, banned, room disbanded)', async () => {
    const vendor = fakeVendor();
    const adapter = createRejoiningAdapter({ create: vendor.create, params: async () => params('fresh'), wait: async () => undefined });
    const errors: VoiceFailure[] = [];
    adapter.onError((failure) => errors.push(failure));
    await adapter.join(params('first'));
    vendor.made[0]!.errors.emit(new VoiceFailure('disconnected', 'Removed from the voice room (kick).', { final: true }));
    await settle();
    expect(errors.map((failure) => [failure.kind, failure.final])).toEqual([['disconnected', true]]);
    expect(vendor.create).toHaveBeenCalledTimes(1);
  });
});
