import type { ConnectivityMonitor } from './connectivity-monitor';

/**
 * Returns `service` (whose methods are all async) with every method reporting its outcome to the monitor. Methods run on
 * the original object, so calls between its own methods are not counted twice.
 */
export function observeCalls<T extends object>(service: T, monitor: ConnectivityMonitor): T {
  const observed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(service)) {
    observed[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => monitor.observe(() => Promise.resolve((value as (...a: unknown[]) => unknown).apply(service, args)))
        : value;
  }
  return observed as T;
}
