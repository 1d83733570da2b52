import { describe, expect, it } from 'vitest';
import { stripTicketFromLink } from '../../../main/history/link-scrub';

describe('stripTicketFromLink', () => {
  it('removes ticket and force from an https room link and keeps other parameters', () => {
    expect(stripTicketFromLink('https://live.realsee.ai/room/R1?lang=zh&ticket=T-SECRET&force=1')).toBe(
      'https://live.realsee.ai/room/R1?lang=zh',
    );
  });

  it('removes them from a WebSocket link and drops the empty query', () => {
    expect(stripTicketFromLink('wss://ws-access.realsee.com/open/R1?ticket=T-SECRET&force=0')).toBe('wss://ws-access.realsee.com/open/R1');
    expect(stripTicketFromLink('wss://ws-access.realsee.com/open/R1?open_app_id=7&TICKET=x')).toBe(
      'wss://ws-access.realsee.com/open/R1?open_app_id=7',
    );
  });

  it('removes user credentials embedded in a URL', () => {
    expect(stripTicketFromLink('https://user:pass@live.realsee.ai/room/R1')).toBe('https://live.realsee.ai/room/R1');
  });

  it('scrubs text that is not a parseable URL', () => {
    expect(stripTicketFromLink('/room/R1?a=1&ticket=T-SECRET&force=1#top')).toBe('/room/R1?a=1#top');
  });
});
