import type { Clock } from './clock';
import { randomSecret } from './random';

export interface TicketClaims {
  roomCode: string;
  userId: string;
  role: string;
  extension: Record<string, unknown>;
}

/** Why a ticket was refused; also the `data-room-error` value on the room page. */
export type TicketRefusal = 'ticket-missing' | 'ticket-invalid' | 'ticket-foreign' | 'ticket-used' | 'ticket-expired';

const FORGET_AFTER_MS = 60 * 60 * 1000;

interface StoredTicket extends TicketClaims {
  expiresAt: number;
  used: boolean;
}

/** Single-use room tickets bound to one room and one user. */
export class TicketStore {
  private readonly tickets = new Map<string, StoredTicket>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {}

  issue(claims: TicketClaims): string {
    this.forgetLongExpired();
    const ticket = randomSecret(24);
    this.tickets.set(ticket, { ...claims, expiresAt: this.clock.now() + this.ttlSeconds * 1000, used: false });
    return ticket;
  }

  /** Checks a ticket presented for `roomCode` without using it up. */
  check(ticket: string | null, roomCode: string): TicketClaims | TicketRefusal {
    if (ticket === null || ticket === '') return 'ticket-missing';
    const stored = this.tickets.get(ticket);
    if (stored === undefined) return 'ticket-invalid';
    if (stored.roomCode !== roomCode) return 'ticket-foreign';
    if (stored.used) return 'ticket-used';
    if (this.clock.now() >= stored.expiresAt) return 'ticket-expired';
    return { roomCode: stored.roomCode, userId: stored.userId, role: stored.role, extension: stored.extension };
  }

  /** Keeps memory bounded in a long-running app; a forgotten ticket then reads as invalid. */
  private forgetLongExpired(): void {
    const cutoff = this.clock.now() - FORGET_AFTER_MS;
    for (const [ticket, stored] of this.tickets) if (stored.expiresAt < cutoff) this.tickets.delete(ticket);
  }

  consume(ticket: string): void {
    const stored = this.tickets.get(ticket);
    if (stored !== undefined) stored.used = true;
  }
}
