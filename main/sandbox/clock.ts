/** Source of the current time for every sandbox decision, so tests can move time without sleeping. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export type ManualClock = Clock & { advance(ms: number): void; set(ms: number): void };

export const systemClock: Clock = { now: () => Date.now() };

export function createManualClock(startMs: number = Date.UTC(2026, 0, 1, 9, 0, 0)): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('A manual clock only moves forward');
      current += ms;
    },
    set(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError('Clock time must be a finite number');
      current = ms;
    },
  };
}
