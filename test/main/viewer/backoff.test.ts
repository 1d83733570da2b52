import { describe, expect, it } from 'vitest';
import { LIVE_CHANNEL_BACKOFF, reconnectDelay } from '../../../main/viewer/backoff';

const policy = { baseMs: 500, maxMs: 8_000, jitter: 0.5, maxAttempts: 6 };

describe('reconnect backoff', () => {
  it('doubles from the base delay without jitter at the top of the range', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => reconnectDelay(attempt, policy, () => 0))).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('is capped at the maximum delay', () => {
    expect(reconnectDelay(6, policy, () => 0)).toBe(8_000);
    expect(reconnectDelay(6, { ...policy, maxAttempts: 60 }, () => 0)).toBe(8_000);
    expect(reconnectDelay(60, { ...policy, maxAttempts: 60 }, () => 0)).toBe(8_000);
  });

  it('jitters down to (1 - jitter) of the delay, never above it', () => {
    expect(reconnectDelay(3, policy, () => 0.999999)).toBe(1000);
    expect(reconnectDelay(3, policy, () => 0.5)).toBe(1500);
    const samples = Array.from({ length: 200 }, () => reconnectDelay(4, policy)!);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(4000);
    expect(new Set(samples).size).toBeGreaterThan(10);
  });

  it('gives up after the last attempt', () => {
    expect(reconnectDelay(6, policy, () => 0)).not.toBeNull();
    expect(reconnectDelay(7, policy, () => 0)).toBeNull();
  });

  it('clamps odd jitter and random values into range', () => {
    expect(reconnectDelay(1, { ...policy, jitter: 3 }, () => 0.5)).toBe(250);
    expect(reconnectDelay(1, { ...policy, jitter: -1 }, () => 0.5)).toBe(500);
    expect(reconnectDelay(1, policy, () => 7)).toBe(250);
  });

  it('refuses attempt numbers that are not positive integers', () => {
    expect(() => reconnectDelay(0, policy)).toThrow(RangeError);
    expect(() => reconnectDelay(1.5, policy)).toThrow(RangeError);
  });

  it('the live channel default reaches its 30 s cap and stops after 8 attempts', () => {
    expect(reconnectDelay(8, LIVE_CHANNEL_BACKOFF, () => 0)).toBe(30_000);
    expect(reconnectDelay(9, LIVE_CHANNEL_BACKOFF, () => 0)).toBeNull();
  });
});
