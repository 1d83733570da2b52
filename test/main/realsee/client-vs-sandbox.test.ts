import { afterEach, describe, expect, it } from 'vitest';
import { defaultEndpoints } from '../../../common/profile';
import { roomSummarySchema } from '../../../common/room';
import { createGatewayClient, type GatewayClientDeps } from '../../../main/realsee/client';
import type { GatewayProfile } from '../../../main/realsee/profile';
import { toRoomSummary } from '../../../main/realsee/room-summary';
import { createManualClock, startSandboxGateway, type ManualClock, type SandboxGateway } from '../../../main/sandbox/index';
import { everyTextOf, failureOf } from './support/client-setup';

const started: SandboxGateway[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((sandbox) => sandbox.close()));
});

async function sandboxAndClient(options: { tokenTtlSeconds?: number; profile?: Partial<GatewayProfile> } = {}) {
  const clock: ManualClock = createManualClock(Date.UTC(2026, 4, 2, 10, 0, 0));
  const sandbox = await startSandboxGateway({ clock, tokenTtlSeconds: options.tokenTtlSeconds ?? 300 });
  started.push(sandbox);
  const sleeps: number[] = [];
  const deps: GatewayClientDeps = { now: () => clock.now(), sleep: async (ms) => void sleeps.push(ms) };
  const profile: GatewayProfile = {
    baseUrl: sandbox.baseUrl,
    appKey: sandbox.demoApp.appKey,
    appSecret: sandbox.demoApp.appSecret,
    roles: { host: 'anchor', guest: 'audience' },
    timeouts: { requestMs: 2_000 },
    ...options.profile,
  };
  return { sandbox, clock, profile, client: createGatewayClient(profile, deps), sleeps };
}

const AUTH = defaultEndpoints.accessToken;

describe('gateway client against the sandbox gateway', () => {
  it('runs every operation end to end with one access token', async () => {
    const { sandbox, clock, client } = await sandboxAndClient();

    expect(await client.fetchAccessToken()).toEqual({ expiresAt: Math.floor(clock.now() / 1000) * 1000 + 300_000 });

    const room = await client.createRoom({
      createUserId: 'agent-1',
      members: [{ userId: 'guest-1', userRole: 'audience', extension: { nickname: 'Bo' } }],
      additive: { listing: 'Flat 3B' },
    });
    expect(room.roomCode).not.toBe('');
    expect(room.roomLink).toContain(room.roomCode);

    const hostTicket = await client.getRoomTicket({ roomCode: room.roomCode, userId: 'agent-1', extension: { nickname: 'Ana' } });
    const guestTicket = await client.getRoomTicket({ roomCode: room.roomCode, userId: 'guest-1', userRole: 'audience' });
    expect(hostTicket.ticket).not.toBe(guestTicket.ticket);
    expect(hostTicket.roomLink).toBe(room.roomLink);

    const detail = await client.getRoomDetail(room.roomCode);
    expect(detail.room_code).toBe(room.roomCode);
    const summary = toRoomSummary(detail, clock.now());
    expect(roomSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.creator.userId).toBe('agent-1');
    expect(summary.voiceId).toEqual(expect.any(Number));

    const voice = await client.getVoiceSignature({
      roomCode: room.roomCode,
      userId: 'agent-1',
      userRole: 'anchor',
      voiceId: summary.voiceId ?? undefined,
    });
    expect(voice.userIdentifier).toBe('agent-1');
    expect(Number(voice.voiceAppId)).toBeGreaterThan(0);
    expect(voice.sign).not.toBe('');

    const vrs = await client.listVrs(1, 2);
    expect(vrs.items.length).toBeGreaterThan(0);
    expect(vrs.items.length).toBeLessThanOrEqual(2);
    for (const vr of vrs.items) expect(vr.vrCode).toMatch(/^80/);
    expect(vrs.currentPage).toBe(1);

    expect(sandbox.stats.count(AUTH)).toBe(1);
    expect(sandbox.rooms.list()).toHaveLength(1);
  });

  it('renews the token before it expires, without a refused call', async () => {
    const { sandbox, clock, client } = await sandboxAndClient({ tokenTtlSeconds: 300 });
    const { roomCode } = await client.createRoom({ createUserId: 'agent-1' });
    clock.advance(275_000);
    await client.getRoomDetail(roomCode);
    expect(sandbox.stats.count(AUTH)).toBe(2);
    expect(sandbox.stats.count(defaultEndpoints.roomDetail)).toBe(1);
  });

  it('recovers from an expired-token answer with exactly one refresh and one retry', async () => {
    const { sandbox, client } = await sandboxAndClient();
    const { roomCode } = await client.createRoom({ createUserId: 'agent-1' });
    sandbox.faults.expireAllTokens();
    expect((await client.getRoomDetail(roomCode)).room_code).toBe(roomCode);
    expect(sandbox.stats.count(AUTH)).toBe(2);
    expect(sandbox.stats.count(defaultEndpoints.roomDetail)).toBe(2);
  });

  it('recovers when the client clock lags and the gateway says the token expired', async () => {
    const { sandbox, clock, profile } = await sandboxAndClient();
    const lagging = createGatewayClient(profile, { now: () => clock.now() - 600_000 });
    const { roomCode } = await lagging.createRoom({ createUserId: 'agent-1' });
    clock.advance(301_000);
    expect((await lagging.getRoomDetail(roomCode)).room_code).toBe(roomCode);
    expect(sandbox.stats.count(AUTH)).toBe(2);
    expect(sandbox.stats.count(defaultEndpoints.roomDetail)).toBe(2);
  });

  it('creates the room once when the first attempt is refused for an expired token', async () => {
    const { sandbox, client } = await sandboxAndClient();
    await client.fetchAccessToken();
    sandbox.faults.inject({ path: defaultEndpoints.createRoom, tokenExpired: true, times: 1 });
    await client.createRoom({ createUserId: 'agent-1' });
    expect(sandbox.rooms.list()).toHaveLength(1);
    expect(sandbox.stats.count(defaultEndpoints.createRoom)).toBe(2);
  });

  it('reports outcome-unknown, without retrying, when the room was created but the answer was lost', async () => {
    const { sandbox, client } = await sandboxAndClient();
    sandbox.faults.inject({ path: defaultEndpoints.createRoom, dropAfterProcessing: true, times: 1 });
    const error = await failureOf(client.createRoom({ createUserId: 'agent-1' }));
    expect(error.kind).toBe('outcome-unknown');
    expect(sandbox.stats.count(defaultEndpoints.createRoom)).toBe(1);
    expect(sandbox.rooms.list()).toHaveLength(1);
  });

  it('retries a GET after a 5xx and gives up a POST at once', async () => {
    const { sandbox, client, sleeps } = await sandboxAndClient();
    const { roomCode } = await client.createRoom({ createUserId: 'agent-1' });
    sandbox.faults.inject({ path: defaultEndpoints.roomDetail, httpStatus: 503, times: 2 });
    expect((await client.getRoomDetail(roomCode)).room_code).toBe(roomCode);
    expect(sleeps).toEqual([250, 500]);
    sandbox.faults.inject({ path: defaultEndpoints.roomTicket, httpStatus: 502, times: 1 });
    expect(await failureOf(client.getRoomTicket({ roomCode, userId: 'agent-1' }))).toMatchObject({ kind: 'gateway', httpStatus: 502 });
    expect(sandbox.stats.count(defaultEndpoints.roomTicket)).toBe(1);
  });

  it('maps the sandbox fault answers to their error kinds', async () => {
    const { sandbox, client } = await sandboxAndClient();
    const { roomCode } = await client.createRoom({ createUserId: 'agent-1' });
    const cases = [
      [{ rateLimit: true }, 'rate-limit'],
      [{ nonJson: true }, 'protocol'],
      [{ wrongShape: 'envelope' as const }, 'protocol'],
      [{ wrongShape: 'data' as const }, 'protocol'],
    ] as const;
    for (const [fault, kind] of cases) {
      sandbox.faults.inject({ path: defaultEndpoints.roomDetail, times: 1, ...fault });
      expect((await failureOf(client.getRoomDetail(roomCode))).kind).toBe(kind);
    }
    const closed = await failureOf(client.getRoomTicket({ roomCode: 'NO-SUCH-ROOM', userId: 'agent-1' }));
    expect(closed.kind).toBe('gateway');
    expect(closed.requestId).toEqual(expect.any(String));
    expect(closed.code).toEqual(expect.any(Number));
  });

  it('reports wrong credentials as an auth error without the secret', async () => {
    const { client } = await sandboxAndClient({ profile: { appSecret: 'a-wrong-secret-value' } });
    const error = await failureOf(client.getRoomDetail('ANY'));
    expect(error).toMatchObject({ kind: 'auth', code: -1 });
    expect(error.requestId).toEqual(expect.any(String));
    expect(everyTextOf(error)).not.toContain('a-wrong-secret-value');
  });
});
