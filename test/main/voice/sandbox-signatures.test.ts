import { afterEach, describe, expect, it } from 'vitest';
import { joinVoiceOutputSchema } from '../../../common/voice';
import { defaultRoles, type ProfileSummary } from '../../../common/profile';
import { createClientPool } from '../../../main/rooms/client-pool';
import { createRoomService, type RoomActivityRecorder } from '../../../main/rooms/room-service';
import { startSandboxGateway, type SandboxGateway, type SandboxVoiceVendor } from '../../../main/sandbox/index';
import { createVoiceHintsResolver } from '../../../main/voice/hints-resolver';
import { createJoinVoiceHandler } from '../../../main/voice/join-voice';
import { createRoomVoiceConfigSource } from '../../../main/voice/room-voice-config';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The whole voice join for a real-account profile (not the built-in sandbox one) whose gateway is
 * the sandbox, issuing one vendor's signature shape: the vendor comes from the room's voice config.
 */
describe('joining voice with signatures the sandbox issues in each vendor shape', () => {
  let sandbox: SandboxGateway | undefined;

  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  async function start(voiceVendor: SandboxVoiceVendor) {
    sandbox = await startSandboxGateway({ voiceVendor });
    const gateway = { baseUrl: sandbox.baseUrl, ...sandbox.demoApp, roles: defaultRoles };
    const profile: ProfileSummary = {
      id: 'acme',
      name: 'Acme',
      region: 'custom',
      baseUrl: sandbox.baseUrl,
      customBaseUrl: sandbox.baseUrl,
      appKey: sandbox.demoApp.appKey,
      roles: defaultRoles,
      userId: 'agent-7',
      nickname: 'Ana',
      timeZone: 'Asia/Shanghai',
      hasSecret: true,
      isSandbox: false,
      active: true,
    };
    const activity: RoomActivityRecorder = {
      roomCreated: async () => undefined,
      detailsFetched: async () => undefined,
      guestPassIssued: async () => undefined,
      hostJoined: async () => undefined,
    };
    const profiles = { getActive: async () => profile, resolveGatewayProfile: async () => gateway };
    const clients = createClientPool();
    const rooms = createRoomService({ profiles, clients, activity });
    const joinVoice = createJoinVoiceHandler({
      rooms,
      resolveHints: createVoiceHintsResolver({
        activeProfile: profiles.getActive,
        roomVoiceConfigFor: createRoomVoiceConfigSource({ profiles: { ...profiles, getActive: async () => profile }, clients }),
      }),
    });
    const { roomCode } = await rooms.createRoom({ guests: [], listing: {} });
    return { joinVoice, roomCode, voiceId: sandbox.rooms.get(roomCode)!.voiceId };
  }

  it('decodes the Chime shape into the meeting and attendee, with the lifetime from expire_time', async () => {
    const { joinVoice, roomCode, voiceId } = await start('chime');
    const before = Date.now();
    const params = joinVoiceOutputSchema.parse(await joinVoice({ roomCode }));
    expect(params.vendor).toBe('chime');
    expect(params.vendorSource).toBe('room-config');
    if (params.vendor !== 'chime') return;
    expect(params.meeting.MeetingId).toBe(`sandbox-meeting-${voiceId}`);
    expect(params.meeting.ExternalMeetingId).toBe(roomCode);
    expect(params.meeting.MediaPlacement).toMatchObject({
      AudioHostUrl: expect.stringMatching(/:3478$/),
      SignalingUrl: expect.stringMatching(/^wss:\/\/.+\/control\//),
      TurnControlUrl: expect.stringMatching(/^https:\/\//),
      AudioFallbackUrl: expect.any(String),
      ScreenDataUrl: expect.any(String),
    });
    expect(params.attendee).toMatchObject({ ExternalUserId: 'agent-7', AttendeeId: expect.stringMatching(/^attendee-/) });
    expect(params.attendee.JoinToken.length).toBeGreaterThan(20);
    // expire_time is Unix seconds a day ahead; the five-minute default would be far shorter.
    expect(params.expiresAt).toBeGreaterThan(before + DAY_MS - 5_000);
    expect(params.expiresAt).toBeLessThan(Date.now() + DAY_MS + 1_000);
  });

  it('keeps the TRTC shape as sdkAppId, userSig and the numeric room id (voice_id sent as a string)', async () => {
    const { joinVoice, roomCode, voiceId } = await start('trtc');
    const params = joinVoiceOutputSchema.parse(await joinVoice({ roomCode }));
    expect(params.vendor).toBe('trtc');
    if (params.vendor !== 'trtc') return;
    // The sandbox refuses a numeric voice_id, so a signature here means the id went out as text.
    expect(params.roomId).toBe(voiceId);
    expect(params.sdkAppId).toBeGreaterThan(0);
    expect(params.userId).toBe('agent-7');
    expect(params.userSig).toMatch(/^\d+\.[\w-]+$/);
    expect(params.expiresAt - params.obtainedAt).toBe(5 * 60 * 1000);
  });
});
