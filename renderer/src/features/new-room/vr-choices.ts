import type { z } from 'zod';
import type { vrListSchema } from '../../../../common/contract/rooms';
import { isVrCode } from './new-room-form';

export type VrList = z.infer<typeof vrListSchema>;
export type VrItem = VrList['items'][number];

/** The pages of the account's VR list loaded so far. */
export interface LoadedVrs {
  items: VrItem[];
  total: number | null;
  pagesLoaded: number;
  /** A page brought nothing new: the list ends here, whatever its total says. */
  ended: boolean;
}

export const noVrsLoaded: LoadedVrs = { items: [], total: null, pagesLoaded: 0, ended: false };

/** The loaded list with one more page: each VR once, in the gateway's order. */
export function withVrPage(loaded: LoadedVrs, page: number, list: VrList): LoadedVrs {
  const known = new Set(loaded.items.map((item) => item.vrCode));
  const fresh = list.items.filter((item) => {
    if (known.has(item.vrCode)) return false;
    known.add(item.vrCode);
    return true;
  });
  return {
    items: [...loaded.items, ...fresh],
    total: list.total,
    pagesLoaded: Math.max(loaded.pagesLoaded, page),
    // A page loaded again (a retry, a repeated request) says nothing about the end of the list.
    ended: loaded.ended || (page > loaded.pagesLoaded && fresh.length === 0),
  };
}

/** Whether "Load more" can bring more VRs. */
export function hasMoreVrs(loaded: LoadedVrs): boolean {
  return loaded.pagesLoaded > 0 && !loaded.ended && (loaded.total === null || loaded.items.length < loaded.total);
}

/** One line of the picker: a VR from the list, or a recently used code the loaded pages do not (yet) name. */
export interface VrOption {
  vrCode: string;
  name: string | null;
  recent: boolean;
}

export const RECENT_VR_LIMIT = 6;

/** The recently used VR codes from their stored text: codes only, no duplicates, newest first. */
export function parseRecentVrs(stored: string | null): string[] {
  if (stored === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const codes = parsed.filter((value): value is string => typeof value === 'string' && isVrCode(value));
  return [...new Set(codes)].slice(0, RECENT_VR_LIMIT);
}

/** The list with `vr` in front, when it is a VR code; a link or other text is not remembered. */
export function withRecentVr(recent: readonly string[], vr: string): string[] {
  const code = vr.trim();
  if (!isVrCode(code)) return [...recent];
  return [code, ...recent.filter((existing) => existing !== code)].slice(0, RECENT_VR_LIMIT);
}

function matches(option: VrOption, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return option.vrCode.toLocaleLowerCase().includes(needle) || (option.name ?? '').toLocaleLowerCase().includes(needle);
}

/**
 * What the picker lists: the recently used VRs first (named when a loaded page has them), then the
 * rest of the loaded list, each VR once; with a query, only the VRs whose name or code contains it.
 */
export function vrOptions(items: readonly VrItem[], recent: readonly string[], query: string): VrOption[] {
  const names = new Map(items.map((item) => [item.vrCode, item.name]));
  const recentSet = new Set(recent);
  const options: VrOption[] = [
    ...recent.map((vrCode) => ({ vrCode, name: names.get(vrCode) ?? null, recent: true })),
    ...items.filter((item) => !recentSet.has(item.vrCode)).map((item) => ({ vrCode: item.vrCode, name: item.name, recent: false })),
  ];
  const seen = new Set<string>();
  return options.filter((option) => {
    if (seen.has(option.vrCode)) return false;
    seen.add(option.vrCode);
    return matches(option, query);
  });
}

/**
 * The cover drawn in place of the VR's image: its initials on a colour taken from its code, so the
 * same VR always looks the same. The app page loads no remote images (its CSP has no network sources).
 */
export function vrPlaceholder(option: Pick<VrOption, 'vrCode' | 'name'>): { initials: string; hue: number } {
  const name = (option.name ?? '').trim();
  const words = name.split(/[\s,，、]+/).filter(Boolean);
  const initials =
    words.length === 0
      ? 'VR'
      : /^[\p{Script=Han}]/u.test(words[0]!)
        ? Array.from(words[0]!).slice(0, 2).join('')
        : words
            .slice(0, 2)
            .map((word) => Array.from(word)[0]!.toLocaleUpperCase())
            .join('');
  // Published codes often differ in their last digit only: stepping by the golden angle per unit of the
  // code's hash puts such neighbours far apart on the colour wheel.
  let hash = 0;
  for (const char of option.vrCode) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return { initials, hue: Math.floor((hash * 137.508) % 360) };
}

/** The option index after a key press, or null when the key does not move through the list. */
export function nextActiveIndex(key: string, active: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return active < 0 ? 0 : Math.min(active + 1, count - 1);
    case 'ArrowUp':
      return active <= 0 ? 0 : active - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
