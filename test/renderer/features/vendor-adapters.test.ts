import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeetingSessionConfiguration } from 'amazon-chime-sdk-js';
import { chimeSign } from '../../../main/sandbox/voice-sign';
import { toJoinParams, type FetchedVoiceSignature } from '../../../main/voice/voice-params';
import { VoiceFailure } from '../../../renderer/src/features/voice/voice-adapter';

/**
 * The renderer's vendor adapters, fed the parameters main decodes from signatures in the shapes the
 * sandbox issues, followed up to the call that would reach the vendor. The vendor SDKs are the real
 * modules except for that last step: Chime's session (which starts the microphone and connects)
 * and TRTC's client (whose `enterRoom` connects).
 */

const captured = vi.hoisted(() => ({
  configuration: null as unknown,
  enterRoom: [] as unknown[],
  /** TRTC: the adapter's event handlers, and whether `enterRoom` lets it in (for the roster test). */
  trtcHandlers: new Map<string, (event: unknown) => void>(),
  enterSucceeds: false,
}));

vi.mock('amazon-chime-sdk-js', async (importOriginal) => {
  const real = await importOriginal<typeof import('amazon-chime-sdk-js')>();
  class DeviceControllerStandIn {
    async listAudioInputDevices() {
      return [];
    }
  }
  class MeetingSessionStandIn {
    readonly audioVideo = {
      startAudioInput: async () => {
        throw Object.assign(new Error('stopped before the vendor is contacted'), { name: 'NotReadableError' });
      },
      removeObserver: () => undefined,
      unbindAudioElement: () => undefined,
      stop: () => undefined,
      stopAudioInput: async () => undefined,
    };
    constructor(configuration: unknown) {
      captured.configuration = configuration;
    }
  }
  return { ...real, DefaultDeviceController: DeviceControllerStandIn, DefaultMeetingSession: MeetingSessionStandIn };
});

vi.mock('trtc-sdk-v5', () => {
  const client = {
    on: (event: string, handler: (payload: unknown) => void) => void captured.trtcHandlers.set(event, handler),
    enableAudioVolumeEvaluation: () => undefined,
    enterRoom: async (options: unknown) => {
      captured.enterRoom.push(options);
      if (!captured.enterSucceeds) throw new Error('stopped where the vendor would be contacted');
    },
    startLocalAudio: async () => undefined,
    stopLocalAudio: async () => undefined,
    exitRoom: async () => undefined,
    destroy: () => undefined,
  };
  return {
    default: {
      create: () => client,
      setLogLevel: () => undefined,
      EVENT: { AUDIO_VOLUME: 'v', ERROR: 'e', KICKED_OUT: 'k', REMOTE_AUDIO_AVAILABLE: 'ra', REMOTE_USER_EXIT: 'rx' },
    },
  };
});

const SIGNATURE = 'c2FuZGJveC1obWFjLXNpZ25hdHVyZS12YWx1ZQ';

function fetched(sign: string): FetchedVoiceSignature {
  return { voiceAppId: '1400123456', userIdentifier: 'agent-7', sign, obtainedAt: 1_000, expiresAt: 301_000 };
}

afterEach(() => {
  captured.configuration = null;
  captured.enterRoom = [];
  captured.trtcHandlers.clear();
  captured.enterSucceeds = false;
});

describe('the Chime adapter', () => {
  it('builds its meeting session configuration from the decoded sandbox-issued Chime signature', async () => {
    const sign = chimeSign({
      appKey: 'APP',
      userIdentifier: 'agent-7',
      roomCode: 'RC1',
      voiceId: 123456789,
      expiresAt: 1_900_000_000,
      signature: SIGNATURE,
    });
    const params = toJoinParams({
      roomCode: 'RC1',
      vendor: 'chime',
      vendorSource: 'room-config',
      voiceId: '123456789',
      signature: fetched(sign),
    });
    const { createChimeAdapter } = await import('../../../renderer/src/features/voice/chime-adapter');

    const failure = await createChimeAdapter()
      .join(params)
      .then(
        () => null,
        (error: unknown) => error,
      );

    expect(failure).toBeInstanceOf(VoiceFailure);
    const configuration = captured.configuration as MeetingSessionConfiguration;
    expect(configuration.constructor.name).toBe('MeetingSessionConfiguration');
    expect(configuration.meetingId).toBe('sandbox-meeting-123456789');
    expect(configuration.externalMeetingId).toBe('RC1');
    expect(configuration.urls?.audioHostURL).toBe('sandbox-meeting-123456789.chime.sandbox.invalid:3478');
    expect(configuration.urls?.signalingURL).toBe(
      'wss://sandbox-meeting-123456789.chime.sandbox.invalid/control/sandbox-meeting-123456789',
    );
    expect(configuration.urls?.turnControlURL).toBe('https://sandbox-meeting-123456789.chime.sandbox.invalid/v2/turn_sessions');
    expect(configuration.credentials?.attendeeId).toBe(`attendee-${SIGNATURE.slice(0, 12)}`);
    expect(configuration.credentials?.externalUserId).toBe('agent-7');
    expect(configuration.credentials?.joinToken).toBe(SIGNATURE);
  });
});

describe('the TRTC adapter', () => {
  it('enters the room with sdkAppId, userId, userSig and the numeric room id from a TRTC-shape signature', async () => {
    const sign = `1900000000.${SIGNATURE}`;
    const params = toJoinParams({
      roomCode: 'RC1',
      vendor: 'trtc',
      vendorSource: 'room-config',
      voiceId: '123456789',
      signature: fetched(sign),
    });
    const { createTrtcAdapter } = await import('../../../renderer/src/features/voice/trtc-adapter');

    const failure = await createTrtcAdapter()
      .join(params)
      .then(
        () => null,
        (error: unknown) => error,
      );

    expect(failure).toBeInstanceOf(VoiceFailure);
    expect(captured.enterRoom).toEqual([{ sdkAppId: 1_400_123_456, userId: 'agent-7', userSig: sign, roomId: 123_456_789 }]);
  });
});

describe('the vendor adapters and the guest page', () => {
  it('TRTC and Chime refuse to join without a signature (the guest page has none), before loading anything', async () => {
    const { createTrtcAdapter } = await import('../../../renderer/src/features/voice/trtc-adapter');
    const { createChimeAdapter } = await import('../../../renderer/src/features/voice/chime-adapter');
    for (const adapter of [createTrtcAdapter(), createChimeAdapter()]) {
      const failure = await adapter.join(null).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(VoiceFailure);
      expect((failure as VoiceFailure).kind).toBe('join-failed');
    }
    expect(captured.enterRoom).toEqual([]);
    expect(captured.configuration).toBeNull();
  });
});

describe('the TRTC adapter’s remote participants', () => {
  it('lists others by their TRTC user id with the level heard from each, and drops those who leave', async () => {
    captured.enterSucceeds = true;
    const params = toJoinParams({
      roomCode: 'RC1',
      vendor: 'trtc',
      vendorSource: 'room-config',
      voiceId: '123456789',
      signature: fetched(`1900000000.${SIGNATURE}`),
    });
    const { createTrtcAdapter } = await import('../../../renderer/src/features/voice/trtc-adapter');
    const adapter = createTrtcAdapter();
    const seen: unknown[] = [];
    adapter.onRemote((participants) => seen.push(participants));
    await adapter.join(params);

    captured.trtcHandlers.get('ra')!({ userId: 'client-zhang' });
    captured.trtcHandlers.get('v')!({
      result: [
        { userId: '', volume: 10 },
        { userId: 'client-zhang', volume: 60 },
      ],
    });
    captured.trtcHandlers.get('rx')!({ userId: 'client-zhang' });

    expect(seen).toEqual([
      [{ userId: 'client-zhang', connection: 'connected', level: 0, speaking: false }],
      [{ userId: 'client-zhang', connection: 'connected', level: 0.6, speaking: false }],
      [{ userId: 'client-zhang', connection: 'connected', level: 0.6, speaking: true }],
      [],
    ]);
  });
});
