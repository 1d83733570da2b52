import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGatewayClient } from '../../../main/realsee/client';
import { failureOf, testClient, testProfile } from './support/client-setup';
import { envelope, startLoopbackGateway, type LoopbackGateway } from './support/loopback-gateway';

const DETAIL = '/open/v1/live/room/detail';
const TICKET = '/open/v1/live/apply/ticket';

describe('no secret or ticket travels in clear text', () => {
  it('a gateway on plain http to another machine gets nothing, not even the token request', async () => {
    let fetched = 0;
    const fetchStub = (async () => {
      fetched++;
      return new Response('{}');
    }) as unknown as typeof fetch;
    const error = await failureOf(
      (async () =>
        createGatewayClient(testProfile('http://gateway.example.com'), { fetch: fetchStub, sleep: async () => {} }).fetchAccessToken())(),
    );
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('https');
    expect(fetched).toBe(0);
  });

  describe('room links handed out by the gateway', () => {
    let gateway: LoopbackGateway;
    beforeEach(async () => {
      gateway = await startLoopbackGateway();
    });
    afterEach(async () => {
      await gateway.close();
    });

    const hostile = [
      'http://evil.example/room/RC1',
      'ws://evil.example/open/RC1',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'chrome://settings',
    ];

    it.each(hostile)('a ticket answer with %s is refused', async (link) => {
      gateway.route(TICKET, () => ({ json: envelope({ ticket: 'ticket-abcdef', room_link: link }) }));
      const { client } = testClient(gateway.baseUrl);
      const error = await failureOf(client.getRoomTicket({ roomCode: 'RC1', userId: 'u1', userRole: 'anchor' }));
      expect(error.kind).toBe('protocol');
    });

    it.each(hostile)('a details answer with %s is refused', async (link) => {
      gateway.route(DETAIL, () => ({ json: envelope({ room_code: 'RC1', room_link: link }) }));
      const { client } = testClient(gateway.baseUrl);
      expect((await failureOf(client.getRoomDetail('RC1'))).kind).toBe('protocol');
    });

    it('https, wss and loopback links are used', async () => {
      gateway.route(TICKET, (_request, index) => ({
        json: envelope({
          ticket: 'ticket-abcdef',
          room_link: ['https://live.example/RC1', 'wss://live.example/o/RC1', 'http://127.0.0.1:9/room'][index],
        }),
      }));
      const { client } = testClient(gateway.baseUrl);
      for (let i = 0; i < 3; i++) await client.getRoomTicket({ roomCode: 'RC1', userId: 'u1', userRole: 'anchor' });
    });
  });
});
