import type { Messages } from '../i18n/en';
import { formatInstant } from '../../../common/realsee-time';
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

/** Every screen shows instants the same way (see common/realsee-time.ts). */
export function formatDateTime(ms: number, locale: Locale): string {
  return formatInstant(ms, locale);
}

export function formatDuration(seconds: number, t: Messages['time']): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return t.hours(seconds / 3600);
  if (seconds >= 60 && seconds % 60 === 0) return t.minutes(seconds / 60);
  if (seconds >= 60) return `${t.minutes(Math.floor(seconds / 60))} ${t.seconds(seconds % 60)}`;
  return t.seconds(seconds);
}
