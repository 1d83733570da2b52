import { describe, expect, it } from 'vitest';
import {
  matchPresence,
  offeredGuests,
  passStatus,
  trackPass,
  withIssued,
  type PresenceSnapshot,
} from '../../../renderer/src/features/room/pass-tracker';

const zhang = { userId: 'client-zhang', role: 'audience', nickname: 'Mr Zhang' };
const li = { userId: 'client-li', role: 'audience' };
const agentOnly: PresenceSnapshot = { connected: true, users: [{ userId: 'agent', online: true }] };
const withZhang: PresenceSnapshot = { connected: true, users: [...agentOnly.users, { userId: 'client-zhang', online: true }] };
const zhangOffline: PresenceSnapshot = { connected: true, users: [...agentOnly.users, { userId: 'client-zhang', online: false }] };
const notConnected: PresenceSnapshot = { connected: false, users: [] };

describe('matching guest passes with live presence', () => {
  it('marks a pass used when its guest appears in the room, and dropped when the guest goes', () => {
    let passes = [trackPass(zhang, 1_000, 301_000, agentOnly)];
    expect(passStatus(passes[0]!, agentOnly, 2_000)).toBe('waiting');

    passes = matchPresence(passes, withZhang, 5_000);
    expect(passes[0]!.usedAt).toBe(5_000);
    expect(passStatus(passes[0]!, withZhang, 5_000)).toBe('in-room');

    passes = matchPresence(passes, agentOnly, 9_000);
    expect(passStatus(passes[0]!, agentOnly, 9_000)).toBe('dropped');
    // A guest listed but no longer online has dropped too.
    expect(passStatus(matchPresence(matchPresence(passes, withZhang, 10_000), zhangOffline, 11_000)[0]!, zhangOffline, 11_000)).toBe(
      'dropped',
    );
  });

  it('matches by user id only: another guest arriving uses nothing', () => {
    const passes = matchPresence([trackPass(li, 1_000, 301_000, agentOnly)], withZhang, 5_000);
    expect(passes[0]!.usedAt).toBeNull();
    expect(passStatus(passes[0]!, withZhang, 5_000)).toBe('waiting');
  });

  it('does not count a guest already in the room when the pass was issued until the guest comes back', () => {
    let passes = [trackPass(zhang, 1_000, 301_000, withZhang)];
    passes = matchPresence(passes, withZhang, 2_000);
    expect(passes[0]!.usedAt).toBeNull();
    passes = matchPresence(passes, agentOnly, 3_000);
    passes = matchPresence(passes, withZhang, 4_000);
    expect(passes[0]!.usedAt).toBe(4_000);
  });

  it('says expired for a pass never used past its lifetime, and unknown while the agent is not in the room', () => {
    const pass = trackPass(zhang, 1_000, 301_000, null);
    expect(passStatus(pass, notConnected, 2_000)).toBe('unknown');
    expect(passStatus(pass, null, 2_000)).toBe('unknown');
    expect(passStatus(pass, agentOnly, 301_000)).toBe('expired');
    const used = matchPresence([pass], withZhang, 2_000)[0]!;
    expect(passStatus(used, withZhang, 400_000)).toBe('in-room');
    // Without the channel nothing is seen: a pass is not marked used, and a used one is not called dropped.
    expect(matchPresence([pass], notConnected, 3_000)[0]!.usedAt).toBeNull();
    expect(passStatus(used, notConnected, 3_000)).toBe('unknown');
  });

  it('lets only the newest pass of a guest take an arrival, and keeps one line per guest', () => {
    const older = trackPass(zhang, 1_000, 301_000, agentOnly);
    const newer = trackPass(zhang, 2_000, 302_000, agentOnly);
    const matched = matchPresence([older, newer], withZhang, 3_000);
    expect(matched.map((pass) => pass.usedAt)).toEqual([null, 3_000]);
    expect(withIssued([older, trackPass(li, 1_500, 301_500, null)], newer).map((pass) => [pass.guest.userId, pass.obtainedAt])).toEqual([
      ['client-zhang', 2_000],
      ['client-li', 1_500],
    ]);
  });
});

describe('the guests a pass dialog offers', () => {
  it('puts the pre-registered guests first in their given order, then ad-hoc ones, each user id once', () => {
    const wang = { userId: 'client-wang', role: 'audience' };
    const adHocZhang = { userId: 'client-zhang', role: 'audience', nickname: 'typed again' };
    expect(offeredGuests([zhang, li], [wang, adHocZhang]).map((guest) => guest.userId)).toEqual([
      'client-zhang',
      'client-li',
      'client-wang',
    ]);
    expect(offeredGuests([zhang, li], [wang, adHocZhang])[0]).toBe(zhang);
    expect(offeredGuests([], [wang])).toEqual([wang]);
  });
});
