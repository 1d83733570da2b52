import type { HistoryLocale } from './messages';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: HistoryLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

export function formatDateTime(ms: number, locale: HistoryLocale): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatDate(ms: number, locale: HistoryLocale): string {
  return dateTimeFormat(locale, { dateStyle: 'medium' }).format(ms);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "5 minutes ago" / "5 分钟前"; under a minute is "just now". */
export function formatAge(ms: number, now: number, locale: HistoryLocale, justNow: string): string {
  const elapsed = Math.max(0, now - ms);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return relative.format(-Math.floor(elapsed / size), unit);
  }
  return justNow;
}

/** A `<input type="date">` value as the start (or end) of that local day, ms since epoch. */
export function dayBoundary(value: string, edge: 'start' | 'end'): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return edge === 'start' ? new Date(year, month - 1, day).getTime() : new Date(year, month - 1, day + 1).getTime() - 1;
}
