import { describe, expect, it } from 'vitest';
import {
  guestVoiceSignPayloadSchema,
  MAX_GUEST_VOICE_SIGN_CHARS,
  readGuestVoiceSign,
  type GuestVoiceSigned,
} from '../../common/guest-voice-sign';

const trtc: GuestVoiceSigned = {
  status: 'signed',
  roomCode: 'RC1',
  vendor: 'trtc',
  vendorSource: 'rtc-info',
  voiceId: '42',
  voiceAppId: '1400000001',
  userIdentifier: 'client-zhang',
  sign: 'eJw-SECRET-SIG',
  obtainedAt: 1_000,
  expiresAt: 2_000,
};

const chimeSign = encodeURIComponent(
  JSON.stringify({
    attendence: { external_user_id: 'client-zhang', attendee_id: 'a-1', join_token: 'JOIN-TOKEN' },
    vendor_wrapper: { MeetingId: 'm-1', MediaPlacement: { AudioHostUrl: 'audio.example:3478', SignalingUrl: 'wss://signal.example/m-1' } },
  }),
);

describe('guest voice signature event', () => {
  it('accepts a signed payload and the unavailable word, and refuses other shapes and oversized signatures', () => {
    expect(guestVoiceSignPayloadSchema.safeParse(trtc).success).toBe(true);
    expect(guestVoiceSignPayloadSchema.safeParse({ status: 'unavailable', vendor: 'chime' }).success).toBe(true);
    expect(guestVoiceSignPayloadSchema.safeParse({ ...trtc, vendor: 'sandbox' }).success).toBe(false);
    expect(guestVoiceSignPayloadSchema.safeParse({ ...trtc, extra: 1 }).success).toBe(false);
    expect(guestVoiceSignPayloadSchema.safeParse({ ...trtc, sign: '' }).success).toBe(false);
    expect(guestVoiceSignPayloadSchema.safeParse({ ...trtc, sign: 'x'.repeat(MAX_GUEST_VOICE_SIGN_CHARS + 1) }).success).toBe(false);
    expect(guestVoiceSignPayloadSchema.safeParse('nonsense').success).toBe(false);
  });

  it('decodes TRTC parameters with the shared decoders, for this guest only', () => {
    expect(readGuestVoiceSign(trtc, 'client-zhang')).toEqual({
      vendor: 'trtc',
      params: {
        vendor: 'trtc',
        roomCode: 'RC1',
        userId: 'client-zhang',
        vendorSource: 'rtc-info',
        obtainedAt: 1_000,
        expiresAt: 2_000,
        sdkAppId: 1_400_000_001,
        userSig: 'eJw-SECRET-SIG',
        roomId: 42,
      },
    });
    // Someone else's signature, or one that does not decode, is "voice unavailable".
    expect(readGuestVoiceSign(trtc, 'client-li')).toEqual({ vendor: 'trtc', params: null });
    expect(readGuestVoiceSign({ ...trtc, voiceAppId: 'abc' }, 'client-zhang')).toEqual({ vendor: 'trtc', params: null });
    expect(readGuestVoiceSign({ status: 'unavailable', vendor: 'trtc' }, 'client-zhang')).toEqual({ vendor: 'trtc', params: null });
    expect(readGuestVoiceSign({ status: 'signed' }, 'client-zhang')).toBeNull();
  });

  it('decodes Realsee’s Chime signature shape', () => {
    const read = readGuestVoiceSign({ ...trtc, vendor: 'chime', voiceId: null, sign: chimeSign }, 'client-zhang');
    expect(read?.params).toMatchObject({
      vendor: 'chime',
      userId: 'client-zhang',
      meeting: { MeetingId: 'm-1' },
      attendee: { AttendeeId: 'a-1', JoinToken: 'JOIN-TOKEN' },
    });
  });
});
