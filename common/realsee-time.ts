import { z } from 'zod';

/**
 * Realsee writes times as "YYYY-MM-DD HH:mm:ss" with no zone. Its values point to Beijing time, so a
 * profile reads them in its own IANA zone, Asia/Shanghai unless the agent sets another. The raw
 * text is always kept next to what is shown. Pure ECMAScript (Intl): shared by all processes.
 */

export const DEFAULT_REALSEE_TIME_ZONE = 'Asia/Shanghai';

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** A formatter that gives the wall clock of `timeZone`; it throws a RangeError for an unknown zone. */
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** True for a time zone this runtime's Intl knows (an IANA name such as "Europe/Berlin", or "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '' || timeZone !== timeZone.trim()) return false;
  try {
    wallClockFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().max(64).refine(isTimeZone, 'Not a time zone name (for example Asia/Shanghai).');

/** The wall clock of `timeZone` at `instant`, read back as if it were UTC. */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at `instant`, in ms (Asia/Shanghai: +8 h). */
function zoneOffset(instant: number, timeZone: string): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return wallClockAsUtc(whole, timeZone) - whole;
}

/** The instant at which `timeZone`'s clocks show the given wall time (expressed as a UTC timestamp). */
function instantOfWallClock(wall: number, timeZone: string): number {
  const guess = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(guess, timeZone);
}

const realseeTimePattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A Realsee time string as ms since epoch, reading a zone-less text in `timeZone`; a text that names
 * its own offset (`Z`, `+08:00`) keeps it. Empty or unreadable text gives null (show it raw).
 */
export function parseRealseeTime(text: string | null | undefined, timeZone: string): number | null {
  const match = text ? realseeTimePattern.exec(text.trim()) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '').padEnd(3, '0')));
  const date = new Date(wall);
  // Date.UTC rolls 2026-02-30 over into March: such a text is not a real time.
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)
    return null;
  if (offset) return wall - offsetMinutes(offset) * 60_000;
  if (!isTimeZone(timeZone)) return null;
  return instantOfWallClock(wall, timeZone);
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return offset.startsWith('-') ? -minutes : minutes;
}

/** An instant as Realsee writes it: "YYYY-MM-DD HH:mm:ss" on `timeZone`'s clock, no zone in the text. */
export function toRealseeTimeText(instant: number, timeZone: string): string {
  const iso = new Date(wallClockAsUtc(instant, timeZone)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * How every screen shows an instant: medium date, short 24-hour time, on the computer's clock unless
 * `displayTimeZone` is given (tests pin it).
 */
export function formatInstant(instant: number, locale: string, displayTimeZone?: string): string {
  const key = `${locale}|${displayTimeZone ?? ''}`;
  let format = displayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      hourCycle: 'h23',
      ...(displayTimeZone ? { timeZone: displayTimeZone } : {}),
    });
    displayFormats.set(key, format);
  }
  return format.format(instant);
}

/** A Realsee time as a screen shows it: the formatted instant, or the raw text when it cannot be read. */
export interface RealseeTimeView {
  raw: string;
  instant: number | null;
  text: string;
}

export function viewRealseeTime(
  raw: string | null | undefined,
  options: { timeZone: string; locale: string; displayTimeZone?: string },
): RealseeTimeView | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const instant = parseRealseeTime(raw, options.timeZone);
  return { raw, instant, text: instant === null ? raw : formatInstant(instant, options.locale, options.displayTimeZone) };
}
