/**
 * Pure helpers for Realsee `room_link` values. A link is either an https room page that a viewer
 * opens, or a ws(s) live channel the app connects to itself; both take the ticket the way
 * Realsee's live client appends it: `ticket=<ticket>&force=0|1`, after `?` or `&`.
 */
export type RoomLinkKind = 'page' | 'live-channel';

export function roomLinkKind(roomLink: string): RoomLinkKind {
  const protocol = new URL(roomLink).protocol;
  if (protocol === 'ws:' || protocol === 'wss:') return 'live-channel';
  if (protocol === 'http:' || protocol === 'https:') return 'page';
  throw new Error(`A room link must be http(s) or ws(s), not ${protocol}`);
}

export function withTicket(roomLink: string, ticket: string, force: boolean): string {
  const url = new URL(roomLink);
  url.searchParams.delete('ticket');
  url.searchParams.delete('force');
  url.searchParams.append('ticket', ticket);
  url.searchParams.append('force', force ? '1' : '0');
  return url.toString();
}

/** The link as it may be stored or shown: any ticket (and its force flag) removed. */
export function withoutTicket(roomLink: string): string {
  let url: URL;
  try {
    url = new URL(roomLink);
  } catch {
    return roomLink.replace(/([?&])(ticket|force)=[^&#]*/gi, '$1').replace(/[?&]+$/, '');
  }
  url.searchParams.delete('ticket');
  url.searchParams.delete('force');
  return url.toString();
}

export function linkHost(roomLink: string): string {
  return new URL(roomLink).host;
}
