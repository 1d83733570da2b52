import { afterEach, describe, expect, it } from 'vitest';
import { joinVoiceOutputSchema } from '../../../common/voice';
import { defaultEndpoints, defaultRoles, SANDBOX_PROFILE_ID, type ProfileSummary } from '../../../common/profile';
import { createClientPool } from '../../../main/rooms/client-pool';
import { createRoomService, type RoomActivityRecorder } from '../../../main/rooms/room-service';
import { startSandboxGateway, type SandboxGateway } from '../../../main/sandbox/index';
import { createVoiceHintsResolver } from '../../../main/voice/hints-resolver';
import { createJoinVoiceHandler, type VoiceRoomHints, type VoiceRoomService } from '../../../main/voice/join-voice';
import { AppFailure } from '../../../main/app-failure';

const chimeSign = encodeURIComponent(
  JSON.stringify({
    Meeting: { MeetingId: 'm-1', MediaPlacement: { AudioHostUrl: 'audio.example:3478', SignalingUrl: 'wss://signal.example/m-1' } },
    Attendee: { AttendeeId: 'a-1', JoinToken: 'token-1' },
  }),
);

function fakeRooms(voiceId: number | null, sign = 'sig-1') {
  const calls: string[] = [];
  let issued = 0;
  const rooms: VoiceRoomService = {
    async getRoomDetails(roomCode) {
      calls.push(`details ${roomCode}`);
      return { voiceId };
    },
    async voiceSignature(roomCode, id) {
      calls.push(`sign ${roomCode} ${id ?? '-'}`);
      issued += 1;
      return {
        voiceAppId: '1400000001',
        userIdentifier: 'agent-7',
        sign: `${sign}-${issued}`,
        obtainedAt: issued,
        expiresAt: issued + 300_000,
      };
    },
  };
  return { rooms, calls };
}

const hints = (value: VoiceRoomHints) => async () => value;

describe('createJoinVoiceHandler', () => {
  it('joins TRTC by default with the room number from the room details', async () => {
    const { rooms, calls } = fakeRooms(123);
    const join = createJoinVoiceHandler({ rooms, resolveHints: hints({ isSandbox: false }) });
    const params = await join({ roomCode: 'RC1' });
    expect(params).toMatchObject({
      vendor: 'trtc',
      vendorSource: 'default',
      sdkAppId: 1_400_000_001,
      roomId: 123,
      userId: 'agent-7',
      userSig: 'sig-1-1',
    });
    expect(calls).toEqual(['details RC1', 'sign RC1 123']);
  });

  it("uses RTC_INFO's vendor and room number without asking for the room details", async () => {
    const { rooms, calls } = fakeRooms(123);
    const join = createJoinVoiceHandler({ rooms, resolveHints: hints({ isSandbox: false, rtcInfo: { type: 'trtc', voiceId: '456' } }) });
    expect(await join({ roomCode: 'RC1' })).toMatchObject({ vendor: 'trtc', vendorSource: 'rtc-info', roomId: 456 });
    expect(calls).toEqual(['sign RC1 456']);
  });

  it('decodes a Chime signature when RTC_INFO names Chime', async () => {
    const { rooms } = fakeRooms(null, chimeSign);
    rooms.voiceSignature = async () => ({
      voiceAppId: 'chime-app',
      userIdentifier: 'agent-7',
      sign: chimeSign,
      obtainedAt: 1,
      expiresAt: 2,
    });
    const join = createJoinVoiceHandler({
      rooms,
      resolveHints: hints({ isSandbox: false, rtcInfo: { type: 'chime', voiceId: 'meeting-x' } }),
    });
    const params = await join({ roomCode: 'RC1' });
    expect(params).toMatchObject({ vendor: 'chime', meeting: { MeetingId: 'm-1' }, attendee: { AttendeeId: 'a-1' } });
  });

  it('asks for no signature when the room has no usable voice room number', async () => {
    for (const voiceId of [null, 0, 4_294_967_295]) {
      const { rooms, calls } = fakeRooms(voiceId);
      const join = createJoinVoiceHandler({ rooms, resolveHints: hints({ isSandbox: false }) });
      await expect(join({ roomCode: 'RC1' })).rejects.toBeInstanceOf(AppFailure);
      expect(calls).toEqual(['details RC1']);
    }
  });

  it('fetches a new signature on every join', async () => {
    const { rooms } = fakeRooms(7);
    const join = createJoinVoiceHandler({ rooms, resolveHints: hints({ isSandbox: true }) });
    const first = await join({ roomCode: 'RC1' });
    const second = await join({ roomCode: 'RC1' });
    expect(first.vendor === 'sandbox' && second.vendor === 'sandbox' && first.userSig !== second.userSig).toBe(true);
  });
});

describe('createVoiceHintsResolver', () => {
  it('reads the room config only when it can change the vendor', async () => {
    const asked: string[] = [];
    const config = async (roomCode: string) => {
      asked.push(roomCode);
      return { config_name: 'chime' };
    };
    const sandbox = createVoiceHintsResolver({ activeProfile: async () => ({ isSandbox: true }), roomVoiceConfigFor: config });
    expect(await sandbox('A')).toEqual({ isSandbox: true, rtcInfo: null });
    const live = createVoiceHintsResolver({
      activeProfile: async () => ({ isSandbox: false }),
      rtcInfoFor: () => ({ type: 'trtc', voiceId: 9 }),
      roomVoiceConfigFor: config,
    });
    expect(await live('B')).toEqual({ isSandbox: false, rtcInfo: { type: 'trtc', voiceId: 9 } });
    const configured = createVoiceHintsResolver({ activeProfile: async () => ({ isSandbox: false }), roomVoiceConfigFor: config });
    expect(await configured('C')).toEqual({ isSandbox: false, rtcInfo: null, roomVoiceConfig: { config_name: 'chime' } });
    expect(asked).toEqual(['C']);
  });

  it('falls back to no config when reading it fails', async () => {
    const resolver = createVoiceHintsResolver({
      activeProfile: async () => ({ isSandbox: false }),
      roomVoiceConfigFor: async () => {
        throw new Error('offline');
      },
    });
    expect(await resolver('A')).toEqual({ isSandbox: false, rtcInfo: null });
  });
});

describe('joining voice against the sandbox gateway', () => {
  let sandbox: SandboxGateway | undefined;

  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  /** The room service over the real sandbox, acting for the built-in sandbox profile. */
  async function start() {
    sandbox = await startSandboxGateway();
    const gateway = { baseUrl: sandbox.baseUrl, ...sandbox.demoApp, roles: defaultRoles };
    const profile: ProfileSummary = {
      id: SANDBOX_PROFILE_ID,
      name: 'Sandbox',
      region: 'sandbox',
      baseUrl: sandbox.baseUrl,
      appKey: sandbox.demoApp.appKey,
      roles: defaultRoles,
      userId: 'agent-7',
      nickname: 'Ana',
      timeZone: 'Asia/Shanghai',
      hasSecret: true,
      isSandbox: true,
      active: true,
    };
    const activity: RoomActivityRecorder = {
      roomCreated: async () => undefined,
      detailsFetched: async () => undefined,
      guestPassIssued: async () => undefined,
      hostJoined: async () => undefined,
    };
    const profiles = { getActive: async () => profile, resolveGatewayProfile: async () => gateway };
    const rooms = createRoomService({ profiles, clients: createClientPool(), activity });
    const joinVoice = createJoinVoiceHandler({ rooms, resolveHints: createVoiceHintsResolver({ activeProfile: profiles.getActive }) });
    return { joinVoice, rooms, sandbox };
  }

  it('joins the sandbox vendor with the room number the sandbox assigned', async () => {
    const { joinVoice, rooms, sandbox } = await start();
    const { roomCode } = await rooms.createRoom({ guests: [], listing: {} });
    const params = joinVoiceOutputSchema.parse(await joinVoice({ roomCode }));
    expect(params.vendor).toBe('sandbox');
    if (params.vendor !== 'sandbox') return;
    expect(params.roomId).toBe(sandbox.rooms.get(roomCode)?.voiceId);
    expect(params.sdkAppId).toBeGreaterThan(0);
    expect(params.userId).toBe('agent-7');
    expect(params.userSig.length).toBeGreaterThan(10);
    // Every join asks the gateway again; nothing is reused.
    const signs = sandbox.stats.count(defaultEndpoints.voiceSign);
    await joinVoice({ roomCode });
    expect(sandbox.stats.count(defaultEndpoints.voiceSign)).toBe(signs + 1);
  });

  it("refuses with the gateway's error once the room is closed", async () => {
    const { joinVoice, rooms, sandbox } = await start();
    const { roomCode } = await rooms.createRoom({ guests: [], listing: {} });
    sandbox.rooms.close(roomCode);
    const failure = await joinVoice({ roomCode }).then(
      () => null,
      (error: unknown) => (error as { appError?: { kind: string; message: string; requestId?: string } }).appError,
    );
    expect(failure?.kind).toBe('gateway');
    expect(failure?.message).toMatch(/voice signature.*closed/i);
    expect(failure?.requestId).toBeTruthy();
  });
});

describe('a guest’s voice signature from the room service', () => {
  let sandbox: SandboxGateway | undefined;

  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('is asked for in the guest’s name and role, and the agent’s own stays the default', async () => {
    sandbox = await startSandboxGateway();
    const gateway = { baseUrl: sandbox.baseUrl, ...sandbox.demoApp, roles: defaultRoles };
    const profile = { id: SANDBOX_PROFILE_ID, userId: 'agent-7', roles: defaultRoles } as ProfileSummary;
    const activity: RoomActivityRecorder = {
      roomCreated: async () => undefined,
      detailsFetched: async () => undefined,
      guestPassIssued: async () => undefined,
      hostJoined: async () => undefined,
    };
    const rooms = createRoomService({
      profiles: { getActive: async () => profile, resolveGatewayProfile: async () => gateway },
      clients: createClientPool(),
      activity,
    });
    const { roomCode } = await rooms.createRoom({ guests: [], listing: {} });
    const guest = await rooms.voiceSignature(roomCode, null, { userId: 'client-zhang', userRole: defaultRoles.guest });
    const own = await rooms.voiceSignature(roomCode, null);
    expect(guest.userIdentifier).toBe('client-zhang');
    expect(own.userIdentifier).toBe('agent-7');
    expect(guest.sign).not.toBe(own.sign);
    // A role the app is not configured with is refused by the gateway, not silently signed as the host.
    await expect(rooms.voiceSignature(roomCode, null, { userId: 'client-zhang', userRole: 'nobody' })).rejects.toThrow();
  });
});
