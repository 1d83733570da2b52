import { describe, expect, it, vi } from 'vitest';
import type { LiveEvent, UserInfo } from '../../../common/live-protocol';
import { GUEST_WORK_EVENT } from '../../../common/guest-link';
import { createGuestWorkSender } from '../../../main/viewer/guest-work-sender';

const host: UserInfo = { id: 'agent', user_role: 'anchor', current_ws_online: true };
const guest = (id: string, online = true): UserInfo => ({ id, user_role: 'audience', current_ws_online: online });
const list = (...users: UserInfo[]): LiveEvent => ({ type: 'USER_LIST', users });
const payload = { work: { vr_code: '800000000000000001' }, resourceOrigins: ['http://127.0.0.1:4100'] };

function setup(workFor: (roomCode: string) => Promise<typeof payload | null> = async () => payload) {
  const sent: Array<{ roomCode: string; eventId: string; data: unknown; to: readonly string[] }> = [];
  const log = vi.fn();
  const sender = createGuestWorkSender({
    workFor,
    send: (roomCode, eventId, data, to) => void sent.push({ roomCode, eventId, data, to }),
    log,
  });
  sender.receive('R1', { type: 'ROOM_INFO', info: {}, lastFrame: {} });
  sender.receive('R1', { type: 'SELF_USER_INFO', user: host });
  return { sender, sent, log };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('guest work sender', () => {
  it('sends the Work to each new guest only, once per connection', async () => {
    const { sender, sent } = setup();
    sender.receive('R1', list(host));
    sender.receive('R1', list(host, guest('g1')));
    await settle();
    sender.receive('R1', list(host, guest('g1')));
    sender.receive('R1', list(host, guest('g1'), guest('g2')));
    await settle();
    expect(sent).toEqual([
      { roomCode: 'R1', eventId: GUEST_WORK_EVENT, data: payload, to: ['g1'] },
      { roomCode: 'R1', eventId: GUEST_WORK_EVENT, data: payload, to: ['g2'] },
    ]);
  });

  it('sends again to a guest that left and came back', async () => {
    const { sender, sent } = setup();
    sender.receive('R1', list(host, guest('g1')));
    sender.receive('R1', list(host, guest('g1', false)));
    sender.receive('R1', list(host, guest('g1')));
    await settle();
    expect(sent.map((message) => message.to)).toEqual([['g1'], ['g1']]);
  });

  it('sends nothing for a room without a VR, and logs a failed load without the Work', async () => {
    const empty = setup(async () => null);
    empty.sender.receive('R1', list(host, guest('g1')));
    await settle();
    expect(empty.sent).toEqual([]);

    let fail = true;
    const failing = setup(async () => {
      if (fail) throw new Error('gateway down');
      return payload;
    });
    failing.sender.receive('R1', list(host, guest('g1')));
    await settle();
    expect(failing.sent).toEqual([]);
    expect(failing.log).toHaveBeenCalledWith(expect.stringContaining('could not be loaded'), expect.objectContaining({ roomCode: 'R1' }));
    fail = false;
    failing.sender.receive('R1', list(host, guest('g1')));
    await settle();
    expect(failing.sent.map((message) => message.to)).toEqual([['g1']]);
  });

  it('never sends to the host itself or to another host-role user', async () => {
    const { sender, sent } = setup();
    sender.receive('R1', list(host, { id: 'other-agent', user_role: 'anchor' }));
    await settle();
    expect(sent).toEqual([]);
  });
});
