import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGatewayClient } from '../../../main/realsee/client';
import { GatewayError } from '../../../main/realsee/errors';
import { APP_KEY, APP_SECRET, everyTextOf, failureOf, testClient, testProfile } from './support/client-setup';
import { TOKEN_PATH, closedPortUrl, envelope, failure, startLoopbackGateway, type LoopbackGateway } from './support/loopback-gateway';

const DETAIL = '/open/v1/live/room/detail';
const CREATE = '/open/v1/live/entrance';
const TICKET = '/open/v1/live/apply/ticket';
const VOICE = '/open/v1/live/voice/sign';
const VR_LIST = '/open/v1/entity/vr/list';

const roomDetail = { room_code: 'RC1', room_link: 'wss://ws-access.realsee.com/open/RC1?open_app_id=9', status: 1 };

let gateway: LoopbackGateway;

beforeEach(async () => {
  gateway = await startLoopbackGateway();
  gateway.route(DETAIL, () => ({ json: envelope(roomDetail) }));
  gateway.route(CREATE, () => ({ json: envelope({ room_code: 'NEW1', room_link: 'https://live.example/NEW1' }) }));
  gateway.route(TICKET, () => ({ json: envelope({ ticket: 'ticket-abcdef', room_link: 'wss://x/open/RC1' }) }));
  gateway.route(VOICE, () => ({ json: envelope({ voice_app_id: '1400000001', user_identifier: 'agent-1', sign: 'sign-ghijkl' }) }));
  gateway.route(VR_LIST, () => ({
    json: envelope({
      list: [
        { vr_code: '801234567890123456', name: 'Flat 3B', create_time: '2024-03-01' },
        { vr_code: '801234567890123457', name: null, cover_url: 'https://cdn.example/c.jpg' },
      ],
      total: 2,
      page_size: 10,
      current_page: 1,
    }),
  }));
});

afterEach(async () => {
  await gateway.close();
});

describe('access token', () => {
  it('is requested with a form-encoded app key and secret and no Authorization header', async () => {
    const { client } = testClient(gateway.baseUrl);
    await client.fetchAccessToken();
    const [auth] = gateway.requestsTo(TOKEN_PATH);
    expect(auth?.method).toBe('POST');
    expect(auth?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(auth?.headers.authorization).toBeUndefined();
    expect(auth?.body).toBe(`app_key=${APP_KEY}&app_secret=${encodeURIComponent(APP_SECRET).replace(/%20/g, '+')}`);
    expect(Object.fromEntries(new URLSearchParams(auth?.body))).toEqual({ app_key: APP_KEY, app_secret: APP_SECRET });
  });

  it('reports its expiry in milliseconds since epoch', async () => {
    gateway.route(TOKEN_PATH, () => ({ json: envelope({ access_token: 'tok-1', expire_at: 1_900_000_000 }) }));
    const { client } = testClient(gateway.baseUrl, {}, { now: () => 1_899_999_000_000 });
    expect(await client.fetchAccessToken()).toEqual({ expiresAt: 1_900_000_000_000 });
  });

  it('is sent raw (no Bearer) and reused across calls', async () => {
    const { client } = testClient(gateway.baseUrl);
    await client.getRoomDetail('RC1');
    await client.getRoomDetail('RC1');
    await client.listVrs();
    expect(gateway.requestsTo(TOKEN_PATH)).toHaveLength(1);
    const authorizations = gateway.requests.filter((r) => r.path !== TOKEN_PATH).map((r) => r.headers.authorization);
    expect(authorizations).toEqual(['token-1', 'token-1', 'token-1']);
  });

  it('is fetched once for many concurrent callers', async () => {
    const { client } = testClient(gateway.baseUrl);
    await Promise.all(Array.from({ length: 12 }, () => client.getRoomDetail('RC1')));
    expect(gateway.requestsTo(TOKEN_PATH)).toHaveLength(1);
    expect(gateway.requestsTo(DETAIL)).toHaveLength(12);
  });

  it('is renewed when its expiry, minus the safety margin, has passed', async () => {
    let now = Date.now();
    await gateway.close();
    gateway = await startLoopbackGateway({ tokenLifetimeSeconds: 300, now: () => now });
    gateway.route(DETAIL, () => ({ json: envelope(roomDetail) }));
    const { client } = testClient(gateway.baseUrl, { timeouts: { tokenSafetyMarginSeconds: 60 } }, { now: () => now });
    await client.getRoomDetail('RC1');
    now += 239_000;
    await client.getRoomDetail('RC1');
    expect(gateway.requestsTo(TOKEN_PATH)).toHaveLength(1);
    now += 2_000;
    await client.getRoomDetail('RC1');
    expect(gateway.requestsTo(TOKEN_PATH)).toHaveLength(2);
    expect(gateway.requestsTo(DETAIL).at(-1)?.headers.authorization).toBe('token-2');
  });

  it('is fetched again after invalidateToken()', async () => {
    const { client } = testClient(gateway.baseUrl);
    await client.getRoomDetail('RC1');
    client.invalidateToken();
    await client.getRoomDetail('RC1');
    expect(gateway.requestsTo(TOKEN_PATH)).toHaveLength(2);
  });

  it('refused credentials give an auth error with Realsee facts, and the failure is not cached', async () => {
    gateway.route(TOKEN_PATH, (_r, index) =>
      index === 0
        ? { json: failure(-1, 'app_secret invalid', 'req-auth-1') }
        : { json: envelope({ access_token: 'tok-ok', expire_at: 4_000_000_000 }) },
    );
    const { client } = testClient(gateway.baseUrl);
    const refused = await failureOf(client.getRoomDetail('RC1'));
    expect(refused).toMatchObject({ kind: 'auth', code: -1, status: 'app_secret invalid', requestId: 'req-auth-1', httpStatus: 200 });
    expect(refused.message).toMatch(/app key or app secret/);
    expect(gateway.requestsTo(DETAIL)).toHaveLength(0);
    await client.getRoomDetail('RC1');
    expect(gateway.requestsTo(TOKEN_PATH)).toHaveLength(2);
  });
});

describe('expired or refused token answers', () => {
  const expiredAnswers = [
    ['code -1', failure(-1, 'authentication failed')],
    ['code -3 mentioning an expired token', failure(-3, 'access token expired')],
    ['code -3 mentioning authorization', failure(-3, 'miss authorization')],
  ] as const;

  for (const [label, answer] of expiredAnswers) {
    it(`${label}: one token refresh and one retry`, async () => {
      gateway.route(DETAIL, (request) => (request.headers.authorization === 'token-1' ? { json: answer } : { json: envelope(roomDetail) }));
      const { client } = testClient(gateway.baseUrl);
      expect((await client.getRoomDetail('RC1')).room_code).toBe('RC1');
      expect(gateway.requestsTo(TOKEN_PATH)).toHaveLength(2);
      expect(gateway.requestsTo(DETAIL).map((r) => r.headers.authorization)).toEqual(['token-1', 'token-2']);
    });
  }

  it('a token refused twice gives an auth error after exactly one retry', async () => {
    gateway.route(DETAIL, () => ({ json: failure(-1, 'authentication failed', 'req-x') }));
    const { client } = testClient(gateway.baseUrl);
    const refused = await failureOf(client.getRoomDetail('RC1'));
    expect(refused).toMatchObject({ kind: 'auth', code: -1, requestId: 'req-x' });
    expect(gateway.requestsTo(DETAIL)).toHaveLength(2);
    expect(gateway.requestsTo(TOKEN_PATH)).toHaveLength(2);
  });

  it('concurrent callers refused with the same stale token share one refresh', async () => {
    gateway.route(DETAIL, (request) =>
      request.headers.authorization === 'token-1' ? { json: failure(-1, 'expired') } : { json: envelope(roomDetail) },
    );
    const { client } = testClient(gateway.baseUrl);
    await client.fetchAccessToken();
    await Promise.all(Array.from({ length: 5 }, () => client.getRoomDetail('RC1')));
    expect(gateway.requestsTo(TOKEN_PATH)).toHaveLength(2);
  });

  it('room creation refused for its token is retried once with a new token', async () => {
    gateway.route(CREATE, (request) =>
      request.headers.authorization === 'token-1'
        ? { json: failure(-3, 'token expired') }
        : { json: envelope({ room_code: 'NEW1', room_link: 'https://live.example/NEW1' }) },
    );
    const { client } = testClient(gateway.baseUrl);
    expect(await client.createRoom({ createUserId: 'agent-1' })).toEqual({ roomCode: 'NEW1', roomLink: 'https://live.example/NEW1' });
    expect(gateway.requestsTo(CREATE)).toHaveLength(2);
  });

  it('a business error (-3 about something else) is not retried', async () => {
    gateway.route(DETAIL, () => ({ json: failure(-3, 'room not found', 'req-nf') }));
    const { client } = testClient(gateway.baseUrl);
    const refused = await failureOf(client.getRoomDetail('RC1'));
    expect(refused).toMatchObject({ kind: 'gateway', code: -3, status: 'room not found', requestId: 'req-nf', httpStatus: 200 });
    expect(refused.message).toContain('room not found');
    expect(gateway.requestsTo(DETAIL)).toHaveLength(1);
    expect(gateway.requestsTo(TOKEN_PATH)).toHaveLength(1);
  });

  it('reads the error text from message when status is absent', async () => {
    gateway.route(DETAIL, () => ({ json: { code: 4001, message: 'room closed', request_id: 'req-m' } }));
    const { client } = testClient(gateway.baseUrl);
    expect(await failureOf(client.getRoomDetail('RC1'))).toMatchObject({ kind: 'gateway', code: 4001, status: 'room closed' });
  });
});

describe('error kinds', () => {
  it('a body that is not JSON is a protocol error, whatever the HTTP status', async () => {
    gateway.route(DETAIL, () => ({ raw: '<html>Bad gateway config</html>', httpStatus: 200 }));
    const { client } = testClient(gateway.baseUrl);
    const error = await failureOf(client.getRoomDetail('RC1'));
    expect(error).toMatchObject({ kind: 'protocol', httpStatus: 200 });
    expect(gateway.requestsTo(DETAIL)).toHaveLength(1);
  });

  it('a JSON error envelope on HTTP 4xx is read as the gateway answer', async () => {
    gateway.route(DETAIL, () => ({ json: failure(-3, 'invalid room_code', 'req-400'), httpStatus: 400 }));
    const { client } = testClient(gateway.baseUrl);
    expect(await failureOf(client.getRoomDetail('RC1'))).toMatchObject({
      kind: 'gateway',
      code: -3,
      requestId: 'req-400',
      httpStatus: 400,
    });
  });

  it('an answer without a numeric code is a protocol error', async () => {
    gateway.route(DETAIL, () => ({ json: { ok: true, data: roomDetail } }));
    const { client } = testClient(gateway.baseUrl);
    expect((await failureOf(client.getRoomDetail('RC1'))).kind).toBe('protocol');
  });

  it('data of the wrong shape is a protocol error with the request id', async () => {
    gateway.route(DETAIL, () => ({ json: envelope({ room_link: 'x' }, { request_id: 'req-shape' }) }));
    const { client } = testClient(gateway.baseUrl);
    const error = await failureOf(client.getRoomDetail('RC1'));
    expect(error).toMatchObject({ kind: 'protocol', code: 0, requestId: 'req-shape' });
    expect(error.message).toContain('room_code');
  });

  it('HTTP 5xx is a gateway error with the HTTP status, after the GET retries', async () => {
    gateway.route(DETAIL, () => ({ json: failure(-500, 'internal error', 'req-500'), httpStatus: 503 }));
    const { client, sleeps } = testClient(gateway.baseUrl);
    const error = await failureOf(client.getRoomDetail('RC1'));
    expect(error).toMatchObject({ kind: 'gateway', httpStatus: 503, code: -500, requestId: 'req-500' });
    expect(gateway.requestsTo(DETAIL)).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it('a slow gateway is a timeout', async () => {
    gateway.route(DETAIL, () => ({ hang: true }));
    const { client, sleeps } = testClient(gateway.baseUrl, { timeouts: { requestMs: 1_000 } });
    await client.fetchAccessToken();
    const started = Date.now();
    const error = await failureOf(client.getRoomDetail('RC1'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('127.0.0.1');
    expect(gateway.requestsTo(DETAIL)).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('an answer that comes after the deadline is a timeout too', async () => {
    gateway.route(DETAIL, () => ({ json: envelope(roomDetail), delayMs: 5_000 }));
    const { client } = testClient(gateway.baseUrl, { timeouts: { requestMs: 1_000 } });
    await client.fetchAccessToken();
    expect((await failureOf(client.getRoomDetail('RC1'))).kind).toBe('timeout');
  });

  it('a refused connection is a network error naming the host, not retried beyond the GET policy', async () => {
    const url = await closedPortUrl();
    const { client, sleeps } = testClient(url);
    const error = await failureOf(client.getRoomDetail('RC1'));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      `Could not reach the Realsee gateway at ${new URL(url).host}. Check your connection or the profile's region.`,
    );
    expect(sleeps).toEqual([]);
  });

  it('HTTP 429 is a rate-limit error and is not retried', async () => {
    gateway.route(DETAIL, () => ({ raw: 'Too Many Requests', httpStatus: 429 }));
    const { client, sleeps } = testClient(gateway.baseUrl);
    expect(await failureOf(client.getRoomDetail('RC1'))).toMatchObject({ kind: 'rate-limit', httpStatus: 429 });
    expect(sleeps).toEqual([]);
  });

  it('an answer that reads like a rate limit is a rate-limit error', async () => {
    gateway.route(DETAIL, () => ({ json: failure(-3, 'Request rate limit exceeded', 'req-rl') }));
    const { client } = testClient(gateway.baseUrl);
    expect(await failureOf(client.getRoomDetail('RC1'))).toMatchObject({ kind: 'rate-limit', code: -3, requestId: 'req-rl' });
  });
});

describe('GET retries', () => {
  it('retry with exponential backoff after 5xx and dropped connections, then succeed', async () => {
    gateway.route(DETAIL, (_r, index) => {
      if (index === 0) return { raw: 'oops', httpStatus: 502 };
      if (index === 1) return { destroy: true };
      return { json: envelope(roomDetail) };
    });
    const { client, sleeps } = testClient(gateway.baseUrl);
    expect((await client.getRoomDetail('RC1')).room_code).toBe('RC1');
    expect(gateway.requestsTo(DETAIL)).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it('are not applied to POSTs', async () => {
    gateway.route(TICKET, () => ({ raw: 'oops', httpStatus: 502 }));
    const { client, sleeps } = testClient(gateway.baseUrl);
    expect((await failureOf(client.getRoomTicket({ roomCode: 'RC1', userId: 'u1' }))).kind).toBe('gateway');
    expect(gateway.requestsTo(TICKET)).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('room creation is sent at most once', () => {
  const lostAnswers = [
    ['HTTP 5xx', { raw: 'upstream died', httpStatus: 500 }],
    ['a dropped connection', { destroy: true }],
    ['a body that is not JSON', { raw: '<html>', httpStatus: 200 }],
  ] as const;

  for (const [label, reply] of lostAnswers) {
    it(`${label} after sending is outcome-unknown`, async () => {
      gateway.route(CREATE, () => reply);
      const { client, sleeps } = testClient(gateway.baseUrl);
      const error = await failureOf(client.createRoom({ createUserId: 'agent-1' }));
      expect(error.kind).toBe('outcome-unknown');
      expect(error.message).toBe(
        'The room may or may not have been created: the answer was lost. Check the room list before creating it again.',
      );
      expect(gateway.requestsTo(CREATE)).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });
  }

  it('a timeout after sending is outcome-unknown', async () => {
    gateway.route(CREATE, () => ({ hang: true }));
    const { client } = testClient(gateway.baseUrl, { timeouts: { requestMs: 1_000 } });
    await client.fetchAccessToken();
    expect((await failureOf(client.createRoom({ createUserId: 'agent-1' }))).kind).toBe('outcome-unknown');
    expect(gateway.requestsTo(CREATE)).toHaveLength(1);
  });

  it('a success answer without room_code is outcome-unknown, keeping the request id', async () => {
    gateway.route(CREATE, () => ({ json: envelope({ room_link: 'x' }, { request_id: 'req-c' }) }));
    const { client } = testClient(gateway.baseUrl);
    expect(await failureOf(client.createRoom({ createUserId: 'agent-1' }))).toMatchObject({ kind: 'outcome-unknown', requestId: 'req-c' });
  });

  it('a refused connection means not created: a plain network error', async () => {
    const { client } = testClient(await closedPortUrl());
    expect((await failureOf(client.createRoom({ createUserId: 'agent-1' }))).kind).toBe('network');
  });

  it('a failed token request means not created: the error stays as it is', async () => {
    gateway.route(TOKEN_PATH, () => ({ raw: 'nope', httpStatus: 500 }));
    const { client } = testClient(gateway.baseUrl);
    expect(await failureOf(client.createRoom({ createUserId: 'agent-1' }))).toMatchObject({ kind: 'gateway', httpStatus: 500 });
    expect(gateway.requestsTo(CREATE)).toHaveLength(0);
  });

  it('a business refusal or a rate limit means not created', async () => {
    gateway.route(CREATE, (_r, index) => (index === 0 ? { json: failure(-3, 'role not configured') } : { raw: '', httpStatus: 429 }));
    const { client } = testClient(gateway.baseUrl);
    expect((await failureOf(client.createRoom({ createUserId: 'agent-1' }))).kind).toBe('gateway');
    expect((await failureOf(client.createRoom({ createUserId: 'agent-1' }))).kind).toBe('rate-limit');
  });
});

describe('request bodies', () => {
  it('createRoom sends JSON with members and additive as JSON strings', async () => {
    const { client } = testClient(gateway.baseUrl);
    await client.createRoom({
      createUserId: 'agent-1',
      members: [
        { userId: 'guest-1', userRole: 'audience', extension: { nickname: 'Bo' } },
        { userId: 'guest-2', userRole: 'audience' },
      ],
      additive: { listing: 'Flat 3B' },
    });
    const [create] = gateway.requestsTo(CREATE);
    expect(create?.method).toBe('POST');
    expect(create?.headers['content-type']).toBe('application/json');
    expect(create?.headers.authorization).toBe('token-1');
    expect(JSON.parse(create?.body ?? '')).toEqual({
      app_id: APP_KEY,
      create_user_id: 'agent-1',
      create_user_role: 'anchor',
      members:
        '[{"user_id":"guest-1","user_role":"audience","extension":{"nickname":"Bo"}},{"user_id":"guest-2","user_role":"audience","extension":{}}]',
      additive: '{"listing":"Flat 3B"}',
    });
  });

  it('createRoom defaults members to "[]", additive to "{}" and the role to the profile host role', async () => {
    const { client } = testClient(gateway.baseUrl, { roles: { host: 'agent', guest: 'client' } });
    await client.createRoom({ createUserId: 'agent-1' });
    expect(JSON.parse(gateway.requestsTo(CREATE)[0]?.body ?? '')).toEqual({
      app_id: APP_KEY,
      create_user_id: 'agent-1',
      create_user_role: 'agent',
      members: '[]',
      additive: '{}',
    });
  });

  it('getRoomTicket sends the ticket request and returns ticket and link', async () => {
    const { client } = testClient(gateway.baseUrl);
    expect(await client.getRoomTicket({ roomCode: 'RC1', userId: 'guest-1', userRole: 'audience', extension: { nickname: 'Bo' } })).toEqual(
      {
        ticket: 'ticket-abcdef',
        roomLink: 'wss://x/open/RC1',
      },
    );
    expect(JSON.parse(gateway.requestsTo(TICKET)[0]?.body ?? '')).toEqual({
      app_id: APP_KEY,
      user_id: 'guest-1',
      user_role: 'audience',
      room_code: 'RC1',
      extension: '{"nickname":"Bo"}',
    });
  });

  it('getRoomTicket defaults to the host role and an empty extension', async () => {
    const { client } = testClient(gateway.baseUrl);
    await client.getRoomTicket({ roomCode: 'RC1', userId: 'agent-1' });
    expect(JSON.parse(gateway.requestsTo(TICKET)[0]?.body ?? '')).toMatchObject({ user_role: 'anchor', extension: '{}' });
  });

  it('getVoiceSignature sends user_identifier, role, room and the voice id when given', async () => {
    const { client } = testClient(gateway.baseUrl);
    expect(await client.getVoiceSignature({ roomCode: 'RC1', userId: 'agent-1', userRole: 'anchor', voiceId: 9001 })).toEqual({
      voiceAppId: '1400000001',
      userIdentifier: 'agent-1',
      sign: 'sign-ghijkl',
      expireTime: null,
    });
    await client.getVoiceSignature({ roomCode: 'RC1', userId: 'agent-1', userRole: 'anchor' });
    const bodies = gateway.requestsTo(VOICE).map((r) => JSON.parse(r.body));
    expect(bodies).toEqual([
      { app_id: APP_KEY, user_identifier: 'agent-1', user_role: 'anchor', room_code: 'RC1', voice_id: '9001' },
      { app_id: APP_KEY, user_identifier: 'agent-1', user_role: 'anchor', room_code: 'RC1' },
    ]);
  });

  it('getRoomDetail sends app_id and room_code in the query and returns the raw detail with unknown keys', async () => {
    gateway.route(DETAIL, () => ({ json: envelope({ ...roomDetail, brand_new: 'kept' }) }));
    const { client } = testClient(gateway.baseUrl);
    const detail = await client.getRoomDetail('RC 1/å');
    const [request] = gateway.requestsTo(DETAIL);
    expect(request?.method).toBe('GET');
    expect(request?.body).toBe('');
    expect(Object.fromEntries(request?.query ?? [])).toEqual({ app_id: APP_KEY, room_code: 'RC 1/å' });
    expect(detail).toMatchObject({ room_code: 'RC1', brand_new: 'kept' });
  });

  it('listVrs sends page and page_size and returns a camel-cased page', async () => {
    const { client } = testClient(gateway.baseUrl);
    expect(await client.listVrs(2, 20)).toEqual({
      items: [
        { vrCode: '801234567890123456', name: 'Flat 3B', createTime: '2024-03-01', coverUrl: null },
        { vrCode: '801234567890123457', name: null, createTime: null, coverUrl: 'https://cdn.example/c.jpg' },
      ],
      total: 2,
      pageSize: 10,
      currentPage: 1,
    });
    expect(Object.fromEntries(gateway.requestsTo(VR_LIST)[0]?.query ?? [])).toEqual({ page: '2', page_size: '20' });
    await client.listVrs();
    expect(Object.fromEntries(gateway.requestsTo(VR_LIST)[1]?.query ?? [])).toEqual({ page: '1', page_size: '10' });
  });

  it('uses the profile endpoint overrides and keeps a base URL path prefix', async () => {
    gateway.route('/prefix/v2/room', () => ({ json: envelope(roomDetail) }));
    gateway.route('/prefix' + TOKEN_PATH, () => ({ json: envelope({ access_token: 'p-token', expire_at: 4_000_000_000 }) }));
    const { client } = testClient(`${gateway.baseUrl}/prefix/`, { endpoints: { roomDetail: '/v2/room' } });
    await client.getRoomDetail('RC1');
    expect(gateway.requests.map((r) => r.path)).toEqual(['/prefix/auth/access_token', '/prefix/v2/room']);
  });
});

describe('input validation', () => {
  it('refuses bad input with a validation error and sends nothing', async () => {
    const { client } = testClient(gateway.baseUrl);
    const attempts = [
      () => client.createRoom({ createUserId: '' }),
      () => client.createRoom({ createUserId: 'a', members: [{ userId: 'g', userRole: '' }] }),
      () => client.getRoomTicket({ roomCode: '  ', userId: 'u' }),
      () => client.getVoiceSignature({ roomCode: 'RC1', userId: 'u', userRole: 'anchor', voiceId: '  ' }),
      () => client.getVoiceSignature({ roomCode: 'RC1', userId: 'u', userRole: 'anchor', voiceId: -1 }),
      () => client.getRoomDetail(''),
      () => client.listVrs(0, 10),
      () => client.listVrs(1, 1000),
    ];
    for (const attempt of attempts) {
      const error = await failureOf(attempt());
      expect(error.kind).toBe('validation');
      expect(error.message).toMatch(/Nothing was sent to Realsee\.$/);
    }
    expect(gateway.requests).toHaveLength(0);
  });

  it('refuses an unusable profile when the client is created', () => {
    expect(() => createGatewayClient(testProfile('ftp://x'))).toThrow(GatewayError);
    expect(() => createGatewayClient(testProfile(gateway.baseUrl, { appSecret: '' }))).toThrow(/app secret is empty/);
  });
});

describe('secrets never appear in errors', () => {
  const TOKEN = 'tok-9f8e7d6c5b4a';

  beforeEach(() => {
    gateway.route(TOKEN_PATH, () => ({ json: envelope({ access_token: TOKEN, expire_at: 4_000_000_000 }) }));
  });

  it('when the gateway echoes the app secret while refusing credentials', async () => {
    gateway.route(TOKEN_PATH, (r) => ({ json: failure(-1, `bad secret ${APP_SECRET} in ${r.body}`, `rid-${APP_SECRET}`) }));
    const { client } = testClient(gateway.baseUrl);
    const text = everyTextOf(await failureOf(client.fetchAccessToken()));
    expect(text).not.toContain(APP_SECRET);
    expect(text).not.toContain(encodeURIComponent(APP_SECRET));
    expect(text).toContain('[redacted]');
  });

  it('when the gateway echoes the token, a ticket or a signature in later errors', async () => {
    const { client } = testClient(gateway.baseUrl);
    const { ticket } = await client.getRoomTicket({ roomCode: 'RC1', userId: 'u1' });
    const { sign } = await client.getVoiceSignature({ roomCode: 'RC1', userId: 'u1', userRole: 'anchor' });
    gateway.route(DETAIL, () => ({ json: failure(-3, `room for ${TOKEN} / ${ticket} / ${sign} closed`, `req-${TOKEN}`) }));
    const text = everyTextOf(await failureOf(client.getRoomDetail('RC1')));
    for (const secret of [TOKEN, ticket, sign, APP_SECRET]) expect(text).not.toContain(secret);
    expect(text).toContain('closed');
  });

  it('in every kind of failure', async () => {
    const replies = [
      { raw: `<html>${APP_SECRET}</html>`, httpStatus: 200 },
      { json: failure(-1, `token ${TOKEN} expired`) },
      { json: failure(-3, `Rate limit for ${TOKEN}`) },
      { json: envelope({ nope: TOKEN }) },
      { json: failure(-9, `failed: ${APP_SECRET}`), httpStatus: 500 },
    ] as const;
    for (const reply of replies) {
      gateway.route(DETAIL, () => reply);
      gateway.route(CREATE, () => reply);
      const { client } = testClient(gateway.baseUrl);
      for (const call of [() => client.getRoomDetail('RC1'), () => client.createRoom({ createUserId: 'agent-1' })]) {
        const text = everyTextOf(await failureOf(call()));
        expect(text).not.toContain(APP_SECRET);
        expect(text).not.toContain(TOKEN);
      }
    }
  });

  it('a failure of our own becomes a generic internal error without the original text', async () => {
    const { client } = testClient(
      gateway.baseUrl,
      {},
      {
        fetch: async () => {
          throw new Error(`boom ${APP_SECRET}`);
        },
      },
    );
    const unreachable = await failureOf(client.getRoomDetail('RC1'));
    expect(unreachable.kind).toBe('network');
    expect(everyTextOf(unreachable)).not.toContain('boom');
    const brokenResponse = {
      text: async () => '{}',
      get status(): number {
        throw new Error(`bug near ${APP_SECRET}`);
      },
    };
    const { client: broken } = testClient(gateway.baseUrl, {}, { fetch: (async () => brokenResponse) as unknown as typeof fetch });
    const internal = await failureOf(broken.getRoomDetail('RC1'));
    expect(internal.kind).toBe('internal');
    expect(everyTextOf(internal)).not.toMatch(/bug near|super-secret/);
  });
});
