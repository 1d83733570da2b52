/**
 * How often the app page may be reloaded after it crashed or hung: a page that dies again at once
 * on every load would otherwise reload without end. Returns whether one more reload is allowed now.
 */
export function createReloadBudget({ max, windowMs, now = Date.now }: { max: number; windowMs: number; now?: () => number }) {
  const reloads: number[] = [];
  return {
    tryTake(): boolean {
      const at = now();
      while (reloads.length > 0 && at - reloads[0]! >= windowMs) reloads.shift();
      if (reloads.length >= max) return false;
      reloads.push(at);
      return true;
    },
  };
}
