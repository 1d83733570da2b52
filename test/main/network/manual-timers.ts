import type { MonitorTimers } from '../../../main/network/connectivity-monitor';

/** Timers that fire only when the test advances the clock. */
export function manualTimers(start = 1_000_000) {
  let time = start;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: MonitorTimers = {
    setTimeout(callback, ms) {
      const id = nextId++;
      pending.set(id, { at: time + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    now: () => time,
    /** Delays of the timers still waiting, relative to now. */
    waiting: () => [...pending.values()].map((entry) => entry.at - time),
    /** Moves time forward, firing due timers in order, and lets their promises settle. */
    async advance(ms: number) {
      const target = time + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, entry]) => entry.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        time = due[1].at;
        due[1].callback();
        await settle();
      }
      time = target;
      await settle();
    },
  };
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
