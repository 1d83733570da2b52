import { describe, expect, it } from 'vitest';
import { joinVoiceOutputSchema, MAX_TRTC_ROOM_ID } from '../../../common/voice';
import { AppFailure } from '../../../main/app-failure';
import {
  decodeChimeSign,
  expiryFromExpireTime,
  toJoinParams,
  toRoomId,
  toSdkAppId,
  type FetchedVoiceSignature,
} from '../../../main/voice/voice-params';

const SECRET_SIGN = 'eJwtzEELgjAYBuD-sp0ku-SECRET-SIGN-VALUE';

function signature(overrides: Partial<FetchedVoiceSignature> = {}): FetchedVoiceSignature {
  return { voiceAppId: '1400123456', userIdentifier: 'agent-7', sign: SECRET_SIGN, obtainedAt: 1_000, expiresAt: 301_000, ...overrides };
}

const meeting = {
  MeetingId: 'm-1',
  ExternalMeetingId: 'room-RC1',
  MediaRegion: 'us-east-1',
  MediaPlacement: {
    AudioHostUrl: 'abc.k.m3.ue1.app.chime.aws:3478',
    SignalingUrl: 'wss://signal.m3.ue1.app.chime.aws/control/m-1',
    TurnControlUrl: 'https://2713.cell.us-east-1.meetings.chime.aws/v2/turn_sessions',
  },
};
const attendee = { AttendeeId: 'a-1', ExternalUserId: 'agent-7', JoinToken: 'JOIN-TOKEN-SECRET' };
const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));

function messageOf(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    return (error as AppFailure).appError.message;
  }
  throw new Error('expected an AppFailure');
}

describe('toSdkAppId', () => {
  it('is Number(voice_app_id) for decimal digits', () => {
    expect(toSdkAppId('1400123456')).toBe(1_400_123_456);
    expect(toSdkAppId(' 1400123456 ')).toBe(1_400_123_456);
    expect(toSdkAppId(1400000001)).toBe(1_400_000_001);
  });

  it.each(['', '  ', '0', '-1', '1.5', '1e9', '0x10', 'abc', '14001234 56', String(2 ** 53)])('refuses "%s" with a typed error', (raw) => {
    expect(messageOf(() => toSdkAppId(raw))).toMatch(/voice app id from the gateway is not a positive whole number/);
  });

  it('refuses non-finite and fractional numbers', () => {
    for (const raw of [Number.NaN, Number.POSITIVE_INFINITY, 2.5, 0, -3]) {
      expect(() => toSdkAppId(raw)).toThrow(AppFailure);
    }
  });

  it('clips a long garbage value in its message', () => {
    expect(messageOf(() => toSdkAppId('x'.repeat(500)))).not.toContain('x'.repeat(30));
  });
});

describe('toRoomId', () => {
  it('accepts 1 to 4294967294, as numbers or digit strings', () => {
    expect(toRoomId(1)).toBe(1);
    expect(toRoomId('123456789')).toBe(123_456_789);
    expect(toRoomId(MAX_TRTC_ROOM_ID)).toBe(4_294_967_294);
    expect(toRoomId(String(MAX_TRTC_ROOM_ID))).toBe(4_294_967_294);
  });

  it.each([0, -1, 4_294_967_295, 1.5, Number.NaN, '0', '4294967295', '12a', '', '-5', '1e3'])('refuses %s', (raw) => {
    expect(messageOf(() => toRoomId(raw))).toMatch(/voice room number is not a whole number from 1 to 4294967294/);
  });
});

describe('decodeChimeSign', () => {
  it('decodes URL-encoded { Meeting, Attendee } JSON', () => {
    const decoded = decodeChimeSign(encode({ Meeting: meeting, Attendee: attendee }));
    expect(decoded.meeting.MeetingId).toBe('m-1');
    expect(decoded.meeting.MediaPlacement.AudioHostUrl).toBe(meeting.MediaPlacement.AudioHostUrl);
    // Fields the SDK may use beyond the required ones are kept.
    expect(decoded.meeting.MediaRegion).toBe('us-east-1');
    expect(decoded.attendee).toEqual(attendee);
  });

  it('accepts the raw CreateMeeting / CreateAttendee answers under lower-case keys', () => {
    const decoded = decodeChimeSign(encode({ meeting: { Meeting: meeting }, attendee: { Attendee: attendee } }));
    expect(decoded.meeting.MeetingId).toBe('m-1');
    expect(decoded.attendee.JoinToken).toBe('JOIN-TOKEN-SECRET');
  });

  it('refuses bad URL encoding without quoting the signature', () => {
    const sign = `${SECRET_SIGN}%E0%A4%ZZ`;
    const message = messageOf(() => decodeChimeSign(sign));
    expect(message).toMatch(/not valid URL encoding/);
    expect(message).not.toContain(SECRET_SIGN);
  });

  it('refuses text that is not JSON without quoting it (JSON.parse would)', () => {
    const message = messageOf(() => decodeChimeSign(encodeURIComponent(`{"Meeting": ${SECRET_SIGN}`)));
    expect(message).toMatch(/is not JSON/);
    expect(message).not.toContain(SECRET_SIGN);
    expect(message).not.toContain('eJw');
  });

  it('refuses JSON that is not an object', () => {
    for (const value of ['[]', '"text"', '42', 'null']) {
      expect(messageOf(() => decodeChimeSign(encodeURIComponent(value)))).toMatch(/not a JSON object/);
    }
  });

  it('names every missing field, never their values', () => {
    const message = messageOf(() =>
      decodeChimeSign(
        encode({
          Meeting: { MeetingId: SECRET_SIGN, MediaPlacement: { SignalingUrl: 'wss://x' } },
          Attendee: { AttendeeId: 'a-1', JoinToken: '' },
        }),
      ),
    );
    expect(message).toContain('Meeting.MediaPlacement.AudioHostUrl');
    expect(message).toContain('Attendee.JoinToken');
    expect(message).not.toContain('Meeting.MeetingId');
    expect(message).not.toContain(SECRET_SIGN);
  });

  it('names a whole missing meeting or attendee', () => {
    const message = messageOf(() => decodeChimeSign(encode({ Attendee: attendee })));
    expect(message).toContain('Meeting');
    expect(message).not.toContain('JOIN-TOKEN-SECRET');
  });
});

describe('toJoinParams', () => {
  it('maps a TRTC signature to sdkAppId, userId, userSig and roomId', () => {
    const params = toJoinParams({ roomCode: 'RC1', vendor: 'trtc', vendorSource: 'default', voiceId: 123456789, signature: signature() });
    expect(params).toEqual({
      vendor: 'trtc',
      roomCode: 'RC1',
      vendorSource: 'default',
      sdkAppId: 1_400_123_456,
      userId: 'agent-7',
      userSig: SECRET_SIGN,
      roomId: 123_456_789,
      obtainedAt: 1_000,
      expiresAt: 301_000,
    });
    expect(joinVoiceOutputSchema.parse(params)).toEqual(params);
  });

  it('gives the sandbox the same numeric parameters', () => {
    const params = toJoinParams({
      roomCode: 'RC1',
      vendor: 'sandbox',
      vendorSource: 'sandbox-profile',
      voiceId: '42',
      signature: signature(),
    });
    expect(params).toMatchObject({ vendor: 'sandbox', sdkAppId: 1_400_123_456, roomId: 42, userSig: SECRET_SIGN });
  });

  it('maps a Chime signature to the decoded meeting and attendee, without the raw sign', () => {
    const params = toJoinParams({
      roomCode: 'RC1',
      vendor: 'chime',
      vendorSource: 'rtc-info',
      voiceId: null,
      signature: signature({ voiceAppId: 'not-a-number', sign: encode({ Meeting: meeting, Attendee: attendee }) }),
    });
    expect(params.vendor).toBe('chime');
    if (params.vendor !== 'chime') return;
    expect(params.meeting.MeetingId).toBe('m-1');
    expect(params.attendee.AttendeeId).toBe('a-1');
    expect(JSON.stringify(params)).not.toContain('%7B');
    expect(joinVoiceOutputSchema.parse(params).vendor).toBe('chime');
  });

  it('refuses a TRTC join without a voice room number, or with bad numbers', () => {
    expect(
      messageOf(() => toJoinParams({ roomCode: 'RC1', vendor: 'trtc', vendorSource: 'default', voiceId: null, signature: signature() })),
    ).toMatch(/no voice room number/);
    expect(() => toJoinParams({ roomCode: 'RC1', vendor: 'trtc', vendorSource: 'default', voiceId: 0, signature: signature() })).toThrow(
      AppFailure,
    );
    expect(() =>
      toJoinParams({ roomCode: 'RC1', vendor: 'trtc', vendorSource: 'default', voiceId: 7, signature: signature({ voiceAppId: 'abc' }) }),
    ).toThrow(AppFailure);
  });

  it('refuses an empty signature or user without quoting anything secret', () => {
    expect(
      messageOf(() =>
        toJoinParams({ roomCode: 'RC1', vendor: 'trtc', vendorSource: 'default', voiceId: 7, signature: signature({ sign: '' }) }),
      ),
    ).toMatch(/signature from the gateway is empty/);
    const message = messageOf(() =>
      toJoinParams({ roomCode: 'RC1', vendor: 'trtc', vendorSource: 'default', voiceId: 7, signature: signature({ userIdentifier: ' ' }) }),
    );
    expect(message).toMatch(/names no user/);
    expect(message).not.toContain(SECRET_SIGN);
  });

  it('carries errors the bridge dispatcher passes on as protocol errors', () => {
    try {
      toSdkAppId('bad');
    } catch (error) {
      expect((error as AppFailure).appError.kind).toBe('protocol');
      return;
    }
    throw new Error('expected an AppFailure');
  });
});

describe("decodeChimeSign on Realsee's documented shape", () => {
  const realseeSign = {
    attendence: { external_user_id: 'agent-7', attendee_id: 'a-9', join_token: 'JOIN-TOKEN-SECRET' },
    vendor_wrapper: {
      MeetingId: 'm-9',
      MediaPlacement: {
        AudioFallbackUrl: 'wss://fallback.example/audio',
        AudioHostUrl: 'audio.example:3478',
        ScreenDataUrl: 'wss://screen.example/data',
        ScreenSharingUrl: 'wss://screen.example/sharing',
        ScreenViewingUrl: 'wss://screen.example/viewing',
        SignalingUrl: 'wss://signal.example/control/m-9',
        TurnControlUrl: 'https://turn.example/v2/turn_sessions',
      },
    },
    config: { app_id: 'APP', bypass: false, passport: '', vendor: 'chime' },
    expire_time: 1_900_000_000,
    identifier: 'agent-7',
    user_id: 'agent-7',
    user_sig: 'USER-SIG-SECRET',
  };

  it('maps attendence and vendor_wrapper to the Attendee and Meeting the Chime SDK takes', () => {
    const decoded = decodeChimeSign(encode(realseeSign));
    expect(decoded.attendee).toEqual({ ExternalUserId: 'agent-7', AttendeeId: 'a-9', JoinToken: 'JOIN-TOKEN-SECRET' });
    expect(decoded.meeting).toEqual(realseeSign.vendor_wrapper);
    expect(decoded.expiresAt).toBe(1_900_000_000_000);
  });

  it('tolerates casing variants, the corrected spelling and unknown keys', () => {
    const decoded = decodeChimeSign(
      encode({
        Attendance: { ExternalUserId: 'agent-7', attendeeId: 'a-9', JOIN_TOKEN: 'JOIN-TOKEN-SECRET', extra: 1 },
        VendorWrapper: {
          meeting_id: 'm-9',
          media_placement: { audio_host_url: 'audio.example:3478', signalingUrl: 'wss://signal.example', NewUrl: 'x' },
        },
        brand_new: { anything: true },
      }),
    );
    expect(decoded.attendee).toEqual({ ExternalUserId: 'agent-7', AttendeeId: 'a-9', JoinToken: 'JOIN-TOKEN-SECRET', extra: 1 });
    expect(decoded.meeting).toEqual({
      MeetingId: 'm-9',
      MediaPlacement: { AudioHostUrl: 'audio.example:3478', SignalingUrl: 'wss://signal.example', NewUrl: 'x' },
    });
    expect(decoded.expiresAt).toBeUndefined();
  });

  it('names what the documented shape lacks, never the values', () => {
    const { join_token: _token, ...attendence } = realseeSign.attendence;
    const message = messageOf(() => decodeChimeSign(encode({ ...realseeSign, attendence, vendor_wrapper: { MeetingId: 'm-9' } })));
    expect(message).toContain('Attendee.JoinToken');
    expect(message).toContain('Meeting.MediaPlacement');
    expect(message).not.toContain('USER-SIG-SECRET');
  });

  it('gives the join its lifetime from expire_time', () => {
    const params = toJoinParams({
      roomCode: 'RC1',
      vendor: 'chime',
      vendorSource: 'rtc-info',
      voiceId: '9',
      signature: signature({ sign: encode(realseeSign) }),
    });
    expect(params.expiresAt).toBe(1_900_000_000_000);
    expect(params.obtainedAt).toBe(1_000);
  });
});

describe('expiryFromExpireTime', () => {
  it('reads milliseconds, Unix seconds and a lifetime in seconds by size', () => {
    expect(expiryFromExpireTime(1_900_000_000_123, 5)).toBe(1_900_000_000_123);
    expect(expiryFromExpireTime(1_900_000_000, 5)).toBe(1_900_000_000_000);
    expect(expiryFromExpireTime('1900000000', 5)).toBe(1_900_000_000_000);
    expect(expiryFromExpireTime(86_400, 5_000)).toBe(5_000 + 86_400_000);
  });

  it('gives null for what it cannot read, so the default lifetime stays', () => {
    for (const raw of [undefined, null, 0, -5, '', 'tomorrow', '2026-01-01 10:00:00', Number.NaN, {}]) {
      expect(expiryFromExpireTime(raw, 5)).toBeNull();
    }
  });
});
