import type { Guest } from '../../../../common/room';

/** Who is in the room as the agent's live channel last said; null while the channel is not connected. */
export interface PresenceSnapshot {
  connected: boolean;
  users: ReadonlyArray<{ userId: string; online: boolean | null }>;
}

/** A guest pass issued on this room page, without its link: the link carries the ticket and stays in its dialog. */
export interface TrackedPass {
  guest: Guest;
  obtainedAt: number;
  expiresAt: number;
  /** When the pass's guest was first seen in the room after the pass was issued; null: not yet. */
  usedAt: number | null;
  /** Whether the guest is in the room now (as far as the live channel says). */
  online: boolean;
}

/**
 * - `waiting`: issued, its guest not seen in the room yet;
 * - `in-room`: the guest joined with it and is there;
 * - `dropped`: the guest joined with it and is gone (a new pass is needed: a ticket works once);
 * - `expired`: never used and past its lifetime;
 * - `unknown`: the agent is not in the room, so nobody can be seen (and the pass is not known used).
 */
export type PassStatus = 'waiting' | 'in-room' | 'dropped' | 'expired' | 'unknown';

const isHere = (presence: PresenceSnapshot, userId: string) =>
  presence.users.some((user) => user.userId === userId && user.online !== false);

export function trackPass(guest: Guest, obtainedAt: number, expiresAt: number, presence: PresenceSnapshot | null): TrackedPass {
  // A guest already in the room when the pass was issued has not used it: only a later arrival counts.
  return { guest, obtainedAt, expiresAt, usedAt: null, online: presence?.connected ? isHere(presence, guest.userId) : false };
}

/**
 * Matches the passes with a new presence: a pass counts as used once its guest's user id appears in
 * the room after it was issued (a guest present at issue time must leave and come back first).
 * Only the newest pass of a guest takes a new arrival.
 */
export function matchPresence(passes: readonly TrackedPass[], presence: PresenceSnapshot, at: number): TrackedPass[] {
  if (!presence.connected) return [...passes];
  const newest = new Map<string, TrackedPass>();
  for (const pass of passes) {
    const current = newest.get(pass.guest.userId);
    if (!current || pass.obtainedAt >= current.obtainedAt) newest.set(pass.guest.userId, pass);
  }
  return passes.map((pass) => {
    const here = isHere(presence, pass.guest.userId);
    const arrived = here && !pass.online && pass.usedAt === null && newest.get(pass.guest.userId) === pass;
    return arrived ? { ...pass, usedAt: at, online: true } : { ...pass, online: here };
  });
}

export function passStatus(pass: TrackedPass, presence: PresenceSnapshot | null, now: number): PassStatus {
  if (pass.usedAt !== null) {
    if (!presence?.connected) return 'unknown';
    return pass.online ? 'in-room' : 'dropped';
  }
  if (now >= pass.expiresAt) return 'expired';
  return presence?.connected ? 'waiting' : 'unknown';
}

/** A new pass for a guest replaces the older ones in the list: one line per guest, the newest. */
export function withIssued(passes: readonly TrackedPass[], pass: TrackedPass): TrackedPass[] {
  return [pass, ...passes.filter((other) => other.guest.userId !== pass.guest.userId)];
}

/**
 * The guests the pass dialog offers with one click: the room's pre-registered guests first, in the
 * order they were given at creation, then guests given an ad-hoc pass on this page; each user id once.
 */
export function offeredGuests(preregistered: readonly Guest[], adHoc: readonly Guest[]): Guest[] {
  const seen = new Set<string>();
  const offered: Guest[] = [];
  for (const guest of [...preregistered, ...adHoc]) {
    if (seen.has(guest.userId)) continue;
    seen.add(guest.userId);
    offered.push(guest);
  }
  return offered;
}

/** The part of a live presence report the passes need. */
export function presenceSnapshot(presence: {
  connection: string;
  users: ReadonlyArray<{ userId: string; online: boolean | null }>;
}): PresenceSnapshot {
  return { connected: presence.connection === 'connected', users: presence.users };
}
