import { formatCountdown } from '../lib/format';
import { useNow } from '../lib/useNow';

/** Remaining validity of a single-use ticket, ticking every second. */
export function useRemaining(expiresAt: number): { remainingMs: number; expired: boolean; countdown: string } {
  const now = useNow(1000);
  const remainingMs = Math.max(0, expiresAt - now);
  return { remainingMs, expired: remainingMs <= 0, countdown: formatCountdown(remainingMs) };
}
