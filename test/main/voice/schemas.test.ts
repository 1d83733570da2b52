import { describe, expect, it } from 'vitest';
import { joinVoiceInputSchema, joinVoiceOutputSchema, MAX_TRTC_ROOM_ID } from '../../../common/voice';

const trtc = {
  vendor: 'trtc',
  roomCode: 'RC1',
  userId: 'agent-7',
  vendorSource: 'default',
  obtainedAt: 1,
  expiresAt: 2,
  sdkAppId: 1400000001,
  userSig: 'sig',
  roomId: 42,
};

describe('joinVoice schemas', () => {
  it('takes a room code only', () => {
    expect(joinVoiceInputSchema.parse({ roomCode: ' RC_1-a ' })).toEqual({ roomCode: 'RC_1-a' });
    expect(joinVoiceInputSchema.safeParse({ roomCode: 'RC1', voiceId: 1 }).success).toBe(false);
    expect(joinVoiceInputSchema.safeParse({ roomCode: '' }).success).toBe(false);
    expect(joinVoiceInputSchema.safeParse({ roomCode: 'a/b' }).success).toBe(false);
  });

  it('accepts each vendor with its own parameters', () => {
    expect(joinVoiceOutputSchema.parse(trtc)).toEqual(trtc);
    expect(joinVoiceOutputSchema.parse({ ...trtc, vendor: 'sandbox' }).vendor).toBe('sandbox');
    const chime = {
      ...trtc,
      vendor: 'chime',
      meeting: { MeetingId: 'm', MediaPlacement: { AudioHostUrl: 'a', SignalingUrl: 'wss://s' } },
      attendee: { AttendeeId: 'a', JoinToken: 't' },
    };
    expect(joinVoiceOutputSchema.parse(chime).vendor).toBe('chime');
  });

  it('refuses answers a vendor SDK could not join with', () => {
    const refused = [
      { ...trtc, userSig: '' },
      { ...trtc, roomId: 0 },
      { ...trtc, roomId: MAX_TRTC_ROOM_ID + 1 },
      { ...trtc, sdkAppId: 1.5 },
      { ...trtc, vendor: 'agora' },
      { ...trtc, vendor: 'chime' },
    ];
    for (const answer of refused) expect(joinVoiceOutputSchema.safeParse(answer).success).toBe(false);
  });
});
