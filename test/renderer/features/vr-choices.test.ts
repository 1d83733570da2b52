import { describe, expect, it } from 'vitest';
import {
  RECENT_VR_LIMIT,
  hasMoreVrs,
  nextActiveIndex,
  noVrsLoaded,
  withVrPage,
  parseRecentVrs,
  vrOptions,
  vrPlaceholder,
  withRecentVr,
  type VrItem,
} from '../../../renderer/src/features/new-room/vr-choices';

const code = (n: number) => `80${String(n).padStart(16, '0')}`;
const item = (n: number, name: string | null): VrItem => ({ vrCode: code(n), name, createTime: null, coverUrl: null });

describe('recently used VRs', () => {
  it('reads back only VR codes, once each, at most the limit', () => {
    const stored = JSON.stringify([code(1), 'https://realsee.cn/abc', code(1), 42, code(2), 'token-secret']);
    expect(parseRecentVrs(stored)).toEqual([code(1), code(2)]);
    const many = Array.from({ length: RECENT_VR_LIMIT + 3 }, (_, index) => code(index + 1));
    expect(parseRecentVrs(JSON.stringify(many))).toHaveLength(RECENT_VR_LIMIT);
  });

  it('treats missing, broken or non-list storage as no recent VRs', () => {
    expect(parseRecentVrs(null)).toEqual([]);
    expect(parseRecentVrs('{not json')).toEqual([]);
    expect(parseRecentVrs(JSON.stringify({ vr: code(1) }))).toEqual([]);
  });

  it('puts a used code first and never remembers a link', () => {
    expect(withRecentVr([code(1), code(2)], ` ${code(2)} `)).toEqual([code(2), code(1)]);
    expect(withRecentVr([code(1)], 'https://realsee.cn/vr/abc?ticket=x')).toEqual([code(1)]);
    const full = Array.from({ length: RECENT_VR_LIMIT }, (_, index) => code(index + 1));
    expect(withRecentVr(full, code(99))).toEqual([code(99), ...full.slice(0, RECENT_VR_LIMIT - 1)]);
  });
});

describe('the picker options', () => {
  const items = [item(1, 'Riverside two-bedroom'), item(2, 'Garden townhouse'), item(3, null)];

  it('lists recent VRs first, named from the loaded list, then the others once each', () => {
    expect(vrOptions(items, [code(2), code(9)], '')).toEqual([
      { vrCode: code(2), name: 'Garden townhouse', recent: true },
      { vrCode: code(9), name: null, recent: true },
      { vrCode: code(1), name: 'Riverside two-bedroom', recent: false },
      { vrCode: code(3), name: null, recent: false },
    ]);
  });

  it('filters by name or code, ignoring case and surrounding spaces', () => {
    expect(vrOptions(items, [], '  GARDEN ').map((option) => option.vrCode)).toEqual([code(2)]);
    expect(vrOptions(items, [], code(3).slice(-4)).map((option) => option.vrCode)).toEqual([code(3)]);
    expect(vrOptions(items, [code(1)], 'nothing like it')).toEqual([]);
  });
});

describe('the cover placeholder', () => {
  it('shows initials of the name and a colour that depends on the code only', () => {
    expect(vrPlaceholder({ vrCode: code(1), name: 'City loft with terrace' }).initials).toBe('CL');
    expect(vrPlaceholder({ vrCode: code(1), name: '滨江两居室' }).initials).toBe('滨江');
    expect(vrPlaceholder({ vrCode: code(1), name: null }).initials).toBe('VR');
    const hue = vrPlaceholder({ vrCode: code(1), name: 'A' }).hue;
    expect(vrPlaceholder({ vrCode: code(1), name: 'B' }).hue).toBe(hue);
    // Neighbouring codes must look different at a glance, not one degree apart.
    const hues = [1, 2, 3, 4].map((n) => vrPlaceholder({ vrCode: code(n), name: 'A' }).hue);
    for (const [i, a] of hues.entries()) {
      for (const b of hues.slice(i + 1)) expect(Math.min(Math.abs(a - b), 360 - Math.abs(a - b))).toBeGreaterThanOrEqual(20);
    }
    expect(hue).toBeGreaterThanOrEqual(0);
    expect(hue).toBeLessThan(360);
  });
});

describe('moving through the options', () => {
  it('steps with the arrows and stops at both ends', () => {
    expect(nextActiveIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextActiveIndex('ArrowDown', 2, 3)).toBe(2);
    expect(nextActiveIndex('ArrowUp', 0, 3)).toBe(0);
    expect(nextActiveIndex('ArrowUp', 2, 3)).toBe(1);
    expect(nextActiveIndex('End', 0, 3)).toBe(2);
    expect(nextActiveIndex('Home', 2, 3)).toBe(0);
    expect(nextActiveIndex('ArrowDown', 0, 0)).toBeNull();
    expect(nextActiveIndex('a', 0, 3)).toBeNull();
  });
});

describe('loading the VR list page by page', () => {
  const page = (numbers: number[], total: number | null) => ({ items: numbers.map((n) => item(n, `Home ${n}`)), total });

  it('appends pages, each VR once, and offers more until the total is reached', () => {
    const first = withVrPage(noVrsLoaded, 1, page([1, 2], 3));
    expect(hasMoreVrs(noVrsLoaded)).toBe(false);
    expect(hasMoreVrs(first)).toBe(true);
    const second = withVrPage(first, 2, page([2, 3], 3));
    expect(second.items.map((entry) => entry.vrCode)).toEqual([code(1), code(2), code(3)]);
    expect(second.pagesLoaded).toBe(2);
    expect(hasMoreVrs(second)).toBe(false);
  });

  it('stops offering more when a new page brings nothing new, though the total says otherwise', () => {
    const first = withVrPage(noVrsLoaded, 1, page([1, 2], 10));
    expect(hasMoreVrs(withVrPage(first, 2, page([], 10)))).toBe(false);
    expect(hasMoreVrs(withVrPage(first, 2, page([1, 2], 10)))).toBe(false);
  });

  it('keeps offering more with an unknown total, and a page loaded twice does not end the list', () => {
    const first = withVrPage(noVrsLoaded, 1, page([1, 2], null));
    expect(hasMoreVrs(first)).toBe(true);
    const again = withVrPage(first, 1, page([1, 2], null));
    expect(again.items).toHaveLength(2);
    expect(hasMoreVrs(again)).toBe(true);
  });
});
