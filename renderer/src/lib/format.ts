import type { Messages } from '../i18n/en';
import type { Locale } from '../i18n/locale';

/** "4:59" for a remaining duration; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export function formatClock(ms: number, locale: Locale, withSeconds = true): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hour12: false,
  }).format(ms);
}

export function formatDateTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }).format(ms);
}

/**
 * Realsee gives times as "YYYY-MM-DD HH:mm:ss" without a zone. We read them as UTC (what the
 * sandbox writes); a text we cannot read is shown as it came.
 */
export function parseRealseeTime(text: string | null): number | null {
  if (!text) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
}

export function formatRealseeTime(text: string | null, locale: Locale): string | null {
  if (!text) return null;
  const ms = parseRealseeTime(text);
  return ms === null ? text : formatDateTime(ms, locale);
}

export function formatDuration(seconds: number, t: Messages['time']): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return t.hours(seconds / 3600);
  if (seconds >= 60 && seconds % 60 === 0) return t.minutes(seconds / 60);
  if (seconds >= 60) return `${t.minutes(Math.floor(seconds / 60))} ${t.seconds(seconds % 60)}`;
  return t.seconds(seconds);
}
