import { DEFAULT_PROBE_BACKOFF, probeDelay, type BackoffPolicy } from './backoff';
import { verdictOf } from './unreachable';

export interface NetworkState {
  online: boolean;
  /** When the state last changed, or a call last confirmed being online (ms since epoch). */
  checkedAt: number;
}

/** The timer functions the monitor needs; tests pass a manual clock. */
export interface MonitorTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ConnectivityMonitorOptions {
  /** Resolves when the gateway answered anything at all; rejects when it could not be reached. */
  probe(): Promise<void>;
  /** Called only when `online` changes. */
  onChange(state: NetworkState): void;
  now?: () => number;
  timers?: MonitorTimers;
  backoff?: BackoffPolicy;
}

export interface ConnectivityMonitor {
  state(): NetworkState;
  /** A gateway call finished: a successful or answered call means online, a network failure offline. */
  observe<T>(call: () => Promise<T>): Promise<T>;
  reportAnswered(): void;
  reportFailure(error: unknown): void;
  /** Probes at once (the agent asked); resolves with the state afterwards. */
  checkNow(): Promise<NetworkState>;
  dispose(): void;
}

const systemTimers: MonitorTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Tracks whether the gateway is reachable from what real calls experience. While offline it
 * probes in the background, waiting longer after each failed probe (capped), and stops probing as
 * soon as anything reaches the gateway again.
 */
export function createConnectivityMonitor(options: ConnectivityMonitorOptions): ConnectivityMonitor {
  const now = options.now ?? Date.now;
  const timers = options.timers ?? systemTimers;
  const backoff = options.backoff ?? DEFAULT_PROBE_BACKOFF;
  let current: NetworkState = { online: true, checkedAt: now() };
  let failedProbes = 0;
  let timer: unknown = null;
  let probing: Promise<void> | null = null;
  let disposed = false;

  const cancelProbe = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const scheduleProbe = () => {
    if (disposed || timer !== null || current.online) return;
    timer = timers.setTimeout(
      () => {
        timer = null;
        void runProbe();
      },
      probeDelay(backoff, failedProbes),
    );
  };

  const setOnline = (online: boolean) => {
    const changed = online !== current.online;
    current = { online, checkedAt: now() };
    if (online) {
      failedProbes = 0;
      cancelProbe();
    } else {
      scheduleProbe();
    }
    if (changed && !disposed) options.onChange(current);
  };

  const runProbe = (): Promise<void> => {
    if (probing) return probing;
    probing = options
      .probe()
      .then(
        () => setOnline(true),
        () => {
          if (current.online) {
            setOnline(false);
            return;
          }
          failedProbes += 1;
          scheduleProbe();
        },
      )
      .finally(() => {
        probing = null;
      });
    return probing;
  };

  const reportFailure = (error: unknown) => {
    const verdict = verdictOf(error);
    if (verdict === 'answered') setOnline(true);
    else if (verdict === 'unreachable') setOnline(false);
  };

  return {
    state: () => ({ ...current }),
    async observe(call) {
      try {
        const result = await call();
        setOnline(true);
        return result;
      } catch (error) {
        reportFailure(error);
        throw error;
      }
    },
    reportAnswered: () => setOnline(true),
    reportFailure,
    async checkNow() {
      cancelProbe();
      await runProbe();
      return { ...current };
    },
    dispose() {
      disposed = true;
      cancelProbe();
    },
  };
}
