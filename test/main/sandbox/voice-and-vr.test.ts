import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { withTicket } from '../../../main/rooms/room-link';
import { endpoints, startTestGateway } from './sandbox-client';

describe('sandbox voice room signature', () => {
  async function setUp() {
    const started = await startTestGateway();
    const token = await started.client.token();
    const { roomCode } = await started.client.newRoom(token);
    const voiceId = started.gateway.rooms.get(roomCode)!.voiceId;
    const sign = (body: Record<string, unknown>) =>
      started.client.postJson(
        endpoints.voiceSign,
        { app_id: started.client.appKey, user_identifier: 'agent-1', user_role: 'anchor', room_code: roomCode, ...body },
        token,
      );
    return { ...started, token, roomCode, voiceId, sign };
  }

  it('signs for a user of an open room, with or without the matching voice_id (a string, as documented)', async () => {
    const { sign, voiceId } = await setUp();
    const withoutId = await sign({});
    expect(withoutId.code).toBe(0);
    expect(withoutId.data.voice_app_id).toMatch(/^\d+$/);
    expect(withoutId.data.user_identifier).toBe('agent-1');
    expect(withoutId.data.sign.length).toBeGreaterThan(20);
    expect((await sign({ voice_id: String(voiceId) })).code).toBe(0);
    expect((await sign({ voice_id: '' })).code).toBe(0);
    const numeric = await sign({ voice_id: voiceId });
    expect(numeric).toMatchObject({ code: -3, data: null });
    expect(numeric.status).toMatch(/voice_id must be a string/);
  });

  it.each([
    ['sandbox', 'trtc'],
    ['trtc', 'trtc'],
    ['chime', 'chime'],
  ] as const)('names the %s vendor as %s in the live channel greeting (RTC_INFO)', async (voiceVendor, type) => {
    const started = await startTestGateway({ voiceVendor });
    const token = await started.client.token();
    const { roomCode, roomLink } = await started.client.newRoom(token);
    const ticket = await started.client.ticket(token, roomCode, 'agent-1', 'anchor');
    const socket = new WebSocket(withTicket(roomLink, ticket, true));
    const rtcInfo = await new Promise<unknown>((resolve, reject) => {
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { command?: string; data?: unknown };
        if (frame.command === 'RTC_INFO') resolve(frame.data);
      });
      socket.on('error', reject);
    });
    socket.close();
    expect(rtcInfo).toEqual({ voice_id: expect.any(String), type });
  });

  it("hands out Realsee's URL-encoded Chime JSON when set to the chime vendor", async () => {
    const started = await startTestGateway({ voiceVendor: 'chime' });
    const token = await started.client.token();
    const { roomCode } = await started.client.newRoom(token);
    const answer = await started.client.postJson(
      endpoints.voiceSign,
      { app_id: started.client.appKey, user_identifier: 'agent-1', user_role: 'anchor', room_code: roomCode },
      token,
    );
    expect(answer.code).toBe(0);
    const decoded = JSON.parse(decodeURIComponent(answer.data.sign));
    expect(Object.keys(decoded).sort()).toEqual([
      'attendence',
      'config',
      'expire_time',
      'identifier',
      'user_id',
      'user_sig',
      'vendor_wrapper',
    ]);
    expect(decoded.attendence).toMatchObject({
      external_user_id: 'agent-1',
      attendee_id: expect.any(String),
      join_token: expect.any(String),
    });
    expect(Object.keys(decoded.vendor_wrapper.MediaPlacement).sort()).toEqual([
      'AudioFallbackUrl',
      'AudioHostUrl',
      'ScreenDataUrl',
      'ScreenSharingUrl',
      'ScreenViewingUrl',
      'SignalingUrl',
      'TurnControlUrl',
    ]);
    expect(decoded.config).toMatchObject({ app_id: started.client.appKey, vendor: 'chime' });
    const detail = await started.client.detail(token, roomCode);
    expect(detail.data.app.extension.voice.config_name).toBe('chime');
  });

  it('gives different signatures to different users', async () => {
    const { sign } = await setUp();
    const agent = await sign({});
    const guest = await sign({ user_identifier: 'client-7', user_role: 'audience' });
    expect(guest.data.user_identifier).toBe('client-7');
    expect(guest.data.sign).not.toBe(agent.data.sign);
  });

  it('refuses a voice_id of another room', async () => {
    const { sign, voiceId } = await setUp();
    const answer = await sign({ voice_id: String(voiceId + 1) });
    expect(answer).toMatchObject({ code: -3, data: null });
    expect(answer.status).toMatch(/voice_id does not belong to this room/);
  });

  it('refuses a closed room, an unknown room, a missing user and an unknown role', async () => {
    const { sign, gateway, roomCode } = await setUp();
    expect((await sign({ user_identifier: '' })).status).toMatch(/user_identifier is required/);
    expect((await sign({ user_role: 'boss' })).status).toMatch(/not a configured role/);
    expect((await sign({ room_code: 'NoSuchRoom000000' })).status).toMatch(/room not found/);
    gateway.rooms.close(roomCode);
    const closed = await sign({});
    expect(closed).toMatchObject({ code: -3, data: null });
    expect(closed.status).toMatch(/room is closed/);
  });
});

describe('sandbox VR list', () => {
  it('lists demo VRs with 18-character codes starting with 80, paged', async () => {
    const { client } = await startTestGateway();
    const token = await client.token();
    const first = await client.get(endpoints.vrList, { page: '1', page_size: '3' }, token);
    expect(first.code).toBe(0);
    expect(first.data).toMatchObject({ page_size: 3, current_page: 1 });
    expect(first.data.list).toHaveLength(3);
    for (const vr of first.data.list) {
      expect(vr.vr_code).toMatch(/^80\d{16}$/);
      expect(typeof vr.name).toBe('string');
    }
    const second = await client.get(endpoints.vrList, { page: '2', page_size: '3' }, token);
    expect(second.data.list).toHaveLength(first.data.total - 3);
  });

  it('refuses a bad page or page_size', async () => {
    const { client } = await startTestGateway();
    const token = await client.token();
    expect((await client.get(endpoints.vrList, { page: '0' }, token)).status).toMatch(/page must be a positive integer/);
    expect((await client.get(endpoints.vrList, { page_size: 'ten' }, token)).status).toMatch(/page_size/);
    expect((await client.get(endpoints.vrList, { page_size: '1000' }, token)).status).toMatch(/at most 100/);
  });
});
