import { useState } from 'react';
import { formatCountdown } from '../../lib/date-time';
import { useNow } from '../../lib/use-now';

/**
 * Remaining validity of a single-use ticket, ticking every second. Counted from when this window
 * received it, using the validity main measured, so a clock difference between processes cannot
 * make a fresh ticket look expired (or an old one look fresh).
 */
export function useRemaining(ticket: { obtainedAt: number; expiresAt: number }): {
  expired: boolean;
  countdown: string;
  /** When the ticket expires, on this window's clock. */
  expiresAt: number;
} {
  const [expiresAt] = useState(() => Date.now() + Math.max(0, ticket.expiresAt - ticket.obtainedAt));
  const now = useNow(1000);
  const remainingMs = Math.max(0, expiresAt - now);
  return { expired: remainingMs <= 0, countdown: formatCountdown(remainingMs), expiresAt };
}
