import { formatInstant } from '../../../common/realsee-time';
import type { Messages } from '../i18n/en';
import type { Locale } from '../i18n/locale';

/** A moment as the app passes it around: a Date or milliseconds since the epoch. */
export type Instant = Date | number;

const formats = new Map<string, Intl.DateTimeFormat>();

/** Every date and time the app shows goes through here: one cache, one 24-hour clock in both languages. */
function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, ...(options.hour || options.timeStyle ? { hourCycle: 'h23' } : {}) });
    formats.set(key, format);
  }
  return format;
}

/** "14:05:09" (or "14:05" without seconds). */
export function formatClock(at: Instant, locale: Locale, withSeconds = true): string {
  return dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}) }).format(at);
}

/** "Nov 30, 2026, 14:05" / "2026年11月30日 14:05": the same text for an instant on every screen (see common/realsee-time.ts). */
export function formatDateTime(at: Instant, locale: Locale): string {
  return formatInstant(Number(at), locale);
}

/** "Nov 30, 2026" / "2026年11月30日". */
export function formatDate(at: Instant, locale: Locale): string {
  return dateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
}

/** "4:59" for a remaining duration; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** "2 h", "30 min", "1 min 30 s": a limit Realsee gives in seconds, in the largest whole unit. */
export function formatDuration(seconds: number, t: Messages['time']): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return t.hours(seconds / 3600);
  if (seconds >= 60 && seconds % 60 === 0) return t.minutes(seconds / 60);
  if (seconds >= 60) return `${t.minutes(Math.floor(seconds / 60))} ${t.seconds(seconds % 60)}`;
  return t.seconds(seconds);
}

const AGE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "5 minutes ago" / "5 分钟前"; under a minute is `justNow`. */
export function formatAge(at: Instant, now: number, locale: Locale, justNow: string): string {
  const elapsed = Math.max(0, now - Number(at));
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  for (const [unit, size] of AGE_UNITS) {
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
