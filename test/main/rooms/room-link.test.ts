import { describe, expect, it } from 'vitest';
import { linkHost, roomLinkKind, withTicket, withoutTicket } from '../../../main/rooms/room-link';

describe('room links', () => {
  it('appends the ticket with ? when the link has no query', () => {
    expect(withTicket('https://r.example/room/AB12', 'T1', false)).toBe('https://r.example/room/AB12?ticket=T1&force=0');
  });

  it('appends the ticket with & after an existing query and keeps it', () => {
    expect(withTicket('wss://ws.example/open/AB12?open_app_id=7', 'T1', true)).toBe(
      'wss://ws.example/open/AB12?open_app_id=7&ticket=T1&force=1',
    );
  });

  it('encodes tickets and replaces a stale one rather than adding a second', () => {
    const link = withTicket('https://r.example/room?ticket=OLD&force=1', 'a b&c=d', false);
    const url = new URL(link);
    expect(url.searchParams.getAll('ticket')).toEqual(['a b&c=d']);
    expect(url.searchParams.getAll('force')).toEqual(['0']);
  });

  it('strips tickets for storage, also from links that do not parse', () => {
    expect(withoutTicket('https://r.example/room/AB?x=1&ticket=SECRET&force=0')).toBe('https://r.example/room/AB?x=1');
    expect(withoutTicket('not a url?ticket=SECRET&force=1')).not.toContain('SECRET');
  });

  it('tells pages from live channels and refuses other schemes', () => {
    expect(roomLinkKind('https://r.example/room')).toBe('page');
    expect(roomLinkKind('wss://r.example/open/1')).toBe('live-channel');
    expect(() => roomLinkKind('javascript:alert(1)')).toThrow(/http\(s\) or ws\(s\)/);
    expect(linkHost('https://r.example:8443/x')).toBe('r.example:8443');
  });
});
