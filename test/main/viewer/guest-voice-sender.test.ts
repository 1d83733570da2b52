import { describe, expect, it, vi } from 'vitest';
import type { LiveEvent, UserInfo } from '../../../common/live-protocol';
import { GUEST_VOICE_SIGN_EVENT } from '../../../common/guest-voice-sign';
import { createGuestVoiceSender } from '../../../main/viewer/guest-voice-sender';
import type { VoiceRoomPlan } from '../../../main/voice/join-voice';
import { appFailure } from '../../../main/app-failure';

const SECRET = 'eJw-GUEST-USER-SIG-SECRET';
const host: UserInfo = { id: 'agent', user_role: 'anchor', current_ws_online: true };
const guest = (id: string, online = true): UserInfo => ({ id, user_role: 'audience', current_ws_online: online });
const list = (...users: UserInfo[]): LiveEvent => ({ type: 'USER_LIST', users });
const trtcRoom: VoiceRoomPlan = { vendor: 'trtc', source: 'rtc-info', voiceId: '42', signatureVoiceId: '42' };

function setup(plan: VoiceRoomPlan = trtcRoom, sign?: (userId: string) => Promise<unknown>) {
  const sent: Array<{ eventId: string; data: unknown; to: readonly string[] }> = [];
  const signed: Array<{ roomCode: string; voiceId: string | null; guest: { userId: string; userRole: string } }> = [];
  const log = vi.fn();
  const sender = createGuestVoiceSender({
    planVoice: async () => plan,
    sign: async (roomCode, voiceId, who) => {
      signed.push({ roomCode, voiceId, guest: who });
      if (sign) return (await sign(who.userId)) as never;
      return { voiceAppId: '1400000001', userIdentifier: who.userId, sign: `${SECRET}-${who.userId}`, obtainedAt: 1, expiresAt: 2 };
    },
    send: (_roomCode, eventId, data, to) => void sent.push({ eventId, data, to }),
    log,
  });
  sender.receive('R1', { type: 'ROOM_INFO', info: {}, lastFrame: {} });
  sender.receive('R1', { type: 'SELF_USER_INFO', user: host });
  return { sender, sent, signed, log };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('guest voice sender', () => {
  it('signs once per guest connection, in the guest’s own name and role, and sends it to that guest only', async () => {
    const { sender, sent, signed } = setup();
    sender.receive('R1', list(host, guest('g1')));
    sender.receive('R1', list(host, guest('g1')));
    sender.receive('R1', list(host, guest('g1'), guest('g2')));
    await settle();
    expect(signed).toEqual([
      { roomCode: 'R1', voiceId: '42', guest: { userId: 'g1', userRole: 'audience' } },
      { roomCode: 'R1', voiceId: '42', guest: { userId: 'g2', userRole: 'audience' } },
    ]);
    expect(sent).toEqual([
      {
        eventId: GUEST_VOICE_SIGN_EVENT,
        to: ['g1'],
        data: {
          status: 'signed',
          roomCode: 'R1',
          vendor: 'trtc',
          vendorSource: 'rtc-info',
          voiceId: '42',
          voiceAppId: '1400000001',
          userIdentifier: 'g1',
          sign: `${SECRET}-g1`,
          obtainedAt: 1,
          expiresAt: 2,
        },
      },
      expect.objectContaining({ to: ['g2'], data: expect.objectContaining({ userIdentifier: 'g2' }) }),
    ]);

    // Left and came back: a new connection, a new signature.
    sender.receive('R1', list(host, guest('g1', false), guest('g2')));
    sender.receive('R1', list(host, guest('g1'), guest('g2')));
    await settle();
    expect(signed.map((call) => call.guest.userId)).toEqual(['g1', 'g2', 'g1']);
  });

  it('never signs for the host itself or another user of the host’s role', async () => {
    const { sender, signed, sent } = setup();
    sender.receive('R1', list(host, { id: 'other-agent', user_role: 'anchor' }));
    await settle();
    expect(signed).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('asks for no signature in a sandbox room and tells the guest its voice is the mesh', async () => {
    const { sender, signed, sent } = setup({ vendor: 'sandbox', source: 'sandbox-profile', voiceId: 7, signatureVoiceId: '7' });
    sender.receive('R1', list(host, guest('g1')));
    await settle();
    expect(signed).toEqual([]);
    expect(sent).toEqual([{ eventId: GUEST_VOICE_SIGN_EVENT, to: ['g1'], data: { status: 'mesh' } }]);
  });

  it('on a refused signature logs one line without any secret, tells the guest voice is unavailable, and does not retry', async () => {
    const { sender, sent, signed, log } = setup(trtcRoom, async () => {
      throw appFailure('gateway', `The gateway refused: ${SECRET}`);
    });
    sender.receive('R1', list(host, guest('g1')));
    await settle();
    sender.receive('R1', list(host, guest('g1')));
    await settle();
    expect(signed).toHaveLength(1);
    expect(sent).toEqual([{ eventId: GUEST_VOICE_SIGN_EVENT, to: ['g1'], data: { status: 'unavailable', vendor: 'trtc' } }]);
    expect(log).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(log.mock.calls)).not.toContain(SECRET);
    expect(log.mock.calls[0]![1]).toEqual({ roomCode: 'R1', userId: 'g1', error: 'gateway' });
  });

  it('sends no oversized signature: it is refused by the schema and the guest is told voice is unavailable', async () => {
    const { sender, sent, log } = setup(trtcRoom, async (userId) => ({
      voiceAppId: '1400000001',
      userIdentifier: userId,
      sign: SECRET.repeat(1_000),
      obtainedAt: 1,
      expiresAt: 2,
    }));
    sender.receive('R1', list(host, guest('g1')));
    await settle();
    expect(sent.map((message) => message.data)).toEqual([{ status: 'unavailable', vendor: 'trtc' }]);
    expect(JSON.stringify(log.mock.calls)).not.toContain(SECRET);
  });
});
