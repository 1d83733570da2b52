import { describe, expect, it } from 'vitest';
import { visiblePart } from '../../../renderer/src/lib/use-reported-bounds';

const windowBox = { left: 0, top: 0, right: 1024, bottom: 700 };
const scroller = { left: 248, top: 0, right: 1024, bottom: 700 };

describe('the part of the viewer area the native view may cover', () => {
  it('is the whole area when nothing cuts it off', () => {
    const area = { left: 280, top: 200, right: 990, bottom: 600 };
    expect(visiblePart(area, [windowBox, scroller])).toEqual(area);
  });

  it('is cut at the top of the scrolling page when the area is scrolled half out of sight', () => {
    const area = { left: 280, top: -150, right: 990, bottom: 250 };
    expect(visiblePart(area, [windowBox, scroller])).toEqual({ left: 280, top: 0, right: 990, bottom: 250 });
  });

  it('is cut by an inner scrolling panel too', () => {
    const panel = { left: 260, top: 120, right: 1000, bottom: 500 };
    const area = { left: 280, top: 80, right: 990, bottom: 650 };
    expect(visiblePart(area, [windowBox, scroller, panel])).toEqual({ left: 280, top: 120, right: 990, bottom: 500 });
  });

  it('is nothing when the area is scrolled out of sight', () => {
    expect(visiblePart({ left: 280, top: -500, right: 990, bottom: -100 }, [windowBox, scroller])).toBeNull();
    expect(visiblePart({ left: 280, top: 700, right: 990, bottom: 900 }, [windowBox])).toBeNull();
  });

  it('reads boxes whose sides are getters, as a DOMRect has them', () => {
    class Rect {
      constructor(private readonly box: { left: number; top: number; right: number; bottom: number }) {}
      get left() {
        return this.box.left;
      }
      get top() {
        return this.box.top;
      }
      get right() {
        return this.box.right;
      }
      get bottom() {
        return this.box.bottom;
      }
    }
    const area = { left: 280, top: 200, right: 990, bottom: 600 };
    expect(visiblePart(new Rect(area), [new Rect(windowBox)])).toEqual(area);
  });
});
