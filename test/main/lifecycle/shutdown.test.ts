import { describe, expect, it, vi } from 'vitest';
import { createReloadBudget, runEveryStep, settleWithin } from '../../../main/lifecycle/index';

describe('runEveryStep', () => {
  it('runs every step in order even when some throw or reject, and reports each failure by name', async () => {
    const ran: string[] = [];
    const failures: [string, string][] = [];
    await runEveryStep(
      [
        {
          name: 'viewer',
          run: () => {
            ran.push('viewer');
            throw new Error('Object has been destroyed');
          },
        },
        {
          name: 'live',
          run: async () => {
            ran.push('live');
            throw new Error('socket');
          },
        },
        {
          name: 'history',
          run: async () => {
            ran.push('history');
          },
        },
      ],
      (name, error) => failures.push([name, (error as Error).message]),
    );
    expect(ran).toEqual(['viewer', 'live', 'history']);
    expect(failures).toEqual([
      ['viewer', 'Object has been destroyed'],
      ['live', 'socket'],
    ]);
  });
});

describe('settleWithin', () => {
  it('says done when the work settles in time, rejected or not', async () => {
    await expect(settleWithin(Promise.resolve(), 1_000)).resolves.toBe('done');
    await expect(settleWithin(Promise.reject(new Error('x')), 1_000)).resolves.toBe('done');
  });

  it('gives up after the timeout on work that never settles', async () => {
    vi.useFakeTimers();
    try {
      const outcome = settleWithin(new Promise(() => undefined), 4_000);
      await vi.advanceTimersByTimeAsync(3_999);
      let settled = false;
      void outcome.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(outcome).resolves.toBe('timed-out');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createReloadBudget', () => {
  it('allows max reloads per window, then refuses until the oldest leaves the window', () => {
    let now = 0;
    const budget = createReloadBudget({ max: 3, windowMs: 60_000, now: () => now });
    const takeAt = (at: number) => {
      now = at;
      return budget.tryTake();
    };
    expect([takeAt(0), takeAt(10_000), takeAt(20_000), takeAt(30_000)]).toEqual([true, true, true, false]);
    expect(takeAt(59_999)).toBe(false);
    expect(takeAt(60_000)).toBe(true);
    expect(takeAt(60_001)).toBe(false);
  });
});
