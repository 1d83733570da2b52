import { describe, expect, it } from 'vitest';
import { canHandOver, tourLeaderId } from '../../../renderer/src/features/tour/tour-leader';

const leadership = (leaderId: string | null, isHost = true) => ({ leaderId, leading: leaderId === 'agent', isHost });

describe('who leads, as the tour knows it', () => {
  it("is the guided sync's leader while the VR is shown", () => {
    expect(tourLeaderId({ phase: 'showing', leadership: leadership('client-zhang') })).toBe('client-zhang');
    expect(tourLeaderId({ phase: 'showing', leadership: leadership('agent') })).toBe('agent');
  });

  it('leaves it to the presence while the VR is not shown, or the sync does not know yet', () => {
    expect(tourLeaderId(null)).toBeUndefined();
    expect(tourLeaderId({ phase: 'loading', leadership: leadership('agent') })).toBeUndefined();
    expect(tourLeaderId({ phase: 'closed', leadership: leadership('client-zhang') })).toBeUndefined();
    expect(tourLeaderId({ phase: 'showing', leadership: null })).toBeUndefined();
    expect(tourLeaderId({ phase: 'showing', leadership: leadership(null) })).toBeUndefined();
  });

  it('lets the host hand over only while the VR is shown', () => {
    expect(canHandOver({ phase: 'showing', leadership: leadership('agent') })).toBe(true);
    expect(canHandOver({ phase: 'showing', leadership: leadership('agent', false) })).toBe(false);
    expect(canHandOver({ phase: 'loading', leadership: leadership('agent') })).toBe(false);
    expect(canHandOver(null)).toBe(false);
  });
});
