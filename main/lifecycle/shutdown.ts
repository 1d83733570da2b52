/** One named part of shutting down; it may be sync or async, and it may fail. */
export interface ShutdownStep {
  name: string;
  run: () => unknown;
}

/**
 * Runs every step in order, each one even when an earlier one threw or rejected, and reports
 * each failure by name. A half-run shutdown would leave the sandbox port or pending history
 * writes behind.
 */
export async function runEveryStep(steps: readonly ShutdownStep[], onFailure: (name: string, error: unknown) => void): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      onFailure(step.name, error);
    }
  }
}

/** Resolves to 'done' when `work` settles, or to 'timed-out' after `ms`: quitting never waits longer than that. */
export function settleWithin(work: Promise<unknown>, ms: number): Promise<'done' | 'timed-out'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timed-out'), ms);
    void work
      .then(
        () => resolve('done'),
        () => resolve('done'),
      )
      .finally(() => clearTimeout(timer));
  });
}
