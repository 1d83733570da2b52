/**
 * The guest page's link: `<guest page>#room=<encoded room_link>&ticket=<ticket>&lang=<en|zh-CN>`.
 * Everything rides in the fragment, which the browser never sends to a server. Shared by main (which
 * builds the pass) and the guest page (which reads it). No Node or DOM APIs beyond URL.
 */

import { z } from 'zod';
import { isAllowedTransport, TRANSPORT_RULE_TEXT } from './transport';

/** The CUSTOM_EVENT the host's app sends a joining guest the room's Work with. */
export const GUEST_WORK_EVENT = 'roomdesk.tour.work';

/** The CUSTOM_EVENT the host's app sends a guest its own voice signature with (common/guest-voice-sign.ts). */
export const GUEST_VOICE_SIGN_EVENT = 'roomdesk.voice.sign';

/** The event's data: the gateway's Work as it came, and the http(s) origins its resources load from. */
export const guestWorkPayloadSchema = z.object({
  work: z.record(z.string(), z.unknown()),
  resourceOrigins: z
    .array(z.string().regex(/^https?:\/\/[^/\s;,'"]+$/))
    .max(16)
    .default([]),
});
export type GuestWorkPayload = z.input<typeof guestWorkPayloadSchema>;

/**
 * Where an agency deployed the guest page (a real profile's "Guest page URL"): https, or http on
 * this machine only; no credentials, and no fragment (the pass puts its own there).
 */
export const guestPageUrlSchema = z
  .string()
  .trim()
  .max(2_048)
  .refine((text) => isAllowedTransport(text, ['web']), { message: `The guest page URL must use ${TRANSPORT_RULE_TEXT}.` })
  .refine((text) => !text.includes('#'), { message: 'The guest page URL cannot have a # part: the pass puts the room there.' });

export const GUEST_LANGUAGES = ['en', 'zh-CN'] as const;
export type GuestLanguage = (typeof GUEST_LANGUAGES)[number];

const MAX_FRAGMENT_CHARS = 4_096;
const TICKET_PATTERN = /^[A-Za-z0-9._~+/=-]{8,512}$/;
const ROLE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface GuestLink {
  /** The room's ws(s) link, without any ticket. */
  roomLink: string;
  ticket: string;
  lang: GuestLanguage | null;
  /** The room's host role name (the agent's profile's), so the page knows whom to follow; null: `anchor`. */
  hostRole: string | null;
}

export type GuestLinkProblem = 'missing' | 'malformed';
export type GuestLinkResult = { ok: true; link: GuestLink } | { ok: false; problem: GuestLinkProblem };

export function buildGuestLink(pageUrl: string, link: GuestLink): string {
  const fragment = new URLSearchParams({ room: link.roomLink, ticket: link.ticket });
  if (link.lang) fragment.set('lang', link.lang);
  if (link.hostRole) fragment.set('host', link.hostRole);
  return `${pageUrl.replace(/#.*$/, '')}#${fragment.toString()}`;
}

/** Reads a location hash (with or without `#`). Never throws. */
export function parseGuestLink(hash: string): GuestLinkResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return { ok: false, problem: 'missing' };
  if (text.length > MAX_FRAGMENT_CHARS) return { ok: false, problem: 'malformed' };
  let fragment: URLSearchParams;
  try {
    fragment = new URLSearchParams(text);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const room = fragment.getAll('room');
  const ticket = fragment.getAll('ticket');
  if (room.length !== 1 || ticket.length !== 1) return { ok: false, problem: 'malformed' };
  const roomLink = readRoomLink(room[0]!);
  if (roomLink === null || !TICKET_PATTERN.test(ticket[0]!)) return { ok: false, problem: 'malformed' };
  const lang = fragment.get('lang');
  const hostRole = fragment.get('host');
  if (hostRole !== null && !ROLE_PATTERN.test(hostRole)) return { ok: false, problem: 'malformed' };
  return {
    ok: true,
    link: {
      roomLink,
      ticket: ticket[0]!,
      lang: (GUEST_LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as GuestLanguage) : null,
      hostRole,
    },
  };
}

/** The URL the guest page connects to: the room link with the pass's ticket and `force=1`. */
export function guestSocketUrl(link: GuestLink): string {
  const url = new URL(link.roomLink);
  url.searchParams.set('ticket', link.ticket);
  url.searchParams.set('force', '1');
  return url.toString();
}

/** A ws(s) link with a host, a path and no ticket, credentials or fragment of its own; else null. */
function readRoomLink(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '' || url.hash !== '') return null;
  if (url.pathname === '/' || url.searchParams.has('ticket')) return null;
  return url.toString();
}
