import { describe, expect, it } from 'vitest';
import {
  initialTourLayout,
  isVrObscured,
  tourLayoutReducer,
  type TourLayout,
} from '../../../renderer/src/features/tour-screen/tour-layout';
import { initialSidebarCollapsed } from '../../../renderer/src/lib/shell-layout';
import { noticeTones } from '../../../renderer/src/features/tour-screen/notice-sound';

describe('the tour layout', () => {
  it('opens the rail in a normal window and keeps it closed in a narrow one', () => {
    expect(initialTourLayout(1024)).toEqual({ railOpen: true, overlay: 'none' });
    expect(initialTourLayout(800).railOpen).toBe(false);
  });

  it('toggles the rail and opens one overlay at a time', () => {
    let layout: TourLayout = initialTourLayout(1600);
    layout = tourLayoutReducer(layout, { type: 'toggle-rail' });
    expect(layout.railOpen).toBe(false);
    layout = tourLayoutReducer(layout, { type: 'open', overlay: 'hand-over-menu' });
    layout = tourLayoutReducer(layout, { type: 'open', overlay: 'end-room' });
    expect(layout.overlay).toBe('end-room');
    layout = tourLayoutReducer(layout, { type: 'room-ended' });
    expect(layout).toEqual({ railOpen: false, overlay: 'none' });
    expect(tourLayoutReducer(layout, { type: 'close-overlay' })).toBe(layout);
  });

  it('hides the native VR view while a menu, a dialog or a connection state is over it', () => {
    const open = initialTourLayout(1600);
    expect(isVrObscured(open, 'live')).toBe(false);
    expect(isVrObscured(open, 'reconnecting')).toBe(true);
    expect(isVrObscured({ ...open, overlay: 'invite' }, 'live')).toBe(true);
  });

  it('starts with the sidebar collapsed in a narrow window unless the agent chose otherwise', () => {
    expect(initialSidebarCollapsed(null, 1024)).toBe(true);
    expect(initialSidebarCollapsed(null, 1600)).toBe(false);
    expect(initialSidebarCollapsed('shown', 1024)).toBe(false);
    expect(initialSidebarCollapsed('collapsed', 1600)).toBe(true);
    expect(initialSidebarCollapsed('nonsense', 1600)).toBe(false);
  });

  it('plays a rising chime for a join and a falling one for a leave', () => {
    const [a, b] = noticeTones('joined');
    expect(b).toBeGreaterThan(a);
    expect(noticeTones('left')).toEqual([b, a]);
  });
});
