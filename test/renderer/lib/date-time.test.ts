import { describe, expect, it } from 'vitest';
import { dayBoundary, formatAge, formatClock, formatDate, formatDateTime, formatDuration } from '../../../renderer/src/lib/date-time';
import { formatInstant } from '../../../common/realsee-time';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

const afternoon = Date.UTC(2026, 10, 30, 14, 5, 9);
const offset = new Date(afternoon).getTimezoneOffset() * 60_000;
// The same wall-clock time (14:05:09) in whatever zone the test runs in.
const local = afternoon + offset;

describe('one date/time formatter', () => {
  it('uses a 24-hour clock in both languages', () => {
    expect(formatClock(local, 'en')).toBe('14:05:09');
    expect(formatClock(local, 'zh-CN')).toBe('14:05:09');
    expect(formatClock(local, 'en', false)).toBe('14:05');
    expect(formatDateTime(local, 'en')).toContain('14:05');
    expect(formatDateTime(local, 'en')).not.toMatch(/PM|AM/);
    expect(formatDateTime(local, 'zh-CN')).toContain('14:05');
    expect(formatDateTime(local, 'zh-CN')).not.toMatch(/下午|上午/);
  });

  it('takes a Date or epoch milliseconds and says the same', () => {
    expect(formatDateTime(new Date(local), 'en')).toBe(formatDateTime(local, 'en'));
    expect(formatDate(new Date(local), 'zh-CN')).toBe(formatDate(local, 'zh-CN'));
    expect(formatDate(local, 'zh-CN')).toBe('2026年11月30日');
  });

  it('writes limits in the largest whole unit, as the room page and history both show them', () => {
    expect(formatDuration(7200, en.time)).toBe('2 hours');
    expect(formatDuration(3600, en.time)).toBe('1 hour');
    expect(formatDuration(1800, en.time)).toBe('30 min');
    expect(formatDuration(90, en.time)).toBe('1 min 30 s');
    expect(formatDuration(45, en.time)).toBe('45 s');
    expect(formatDuration(7200, zhCN.time)).not.toContain('7200');
  });

  it('says how long ago, with "just now" under a minute', () => {
    const now = Date.UTC(2026, 0, 10, 12);
    expect(formatAge(now - 30_000, now, 'en', 'just now')).toBe('just now');
    expect(formatAge(now - 5 * 60_000, now, 'en', 'just now')).toBe('5 minutes ago');
    expect(formatAge(new Date(now - 2 * 24 * 3600_000), now, 'en', 'just now')).toBe('2 days ago');
  });

  it('turns a date input into the bounds of that local day', () => {
    const start = dayBoundary('2026-03-04', 'start');
    const end = dayBoundary('2026-03-04', 'end');
    expect(start).toBe(new Date(2026, 2, 4).getTime());
    expect(end).toBe(new Date(2026, 2, 5).getTime() - 1);
    expect(dayBoundary('04/03/2026', 'start')).toBeUndefined();
  });

  it('shows an instant with the same text as a Realsee time read for the room page', () => {
    expect(formatDateTime(local, 'en')).toBe(formatInstant(local, 'en'));
    expect(formatDateTime(new Date(local), 'zh-CN')).toBe(formatInstant(local, 'zh-CN'));
  });
});
