import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REALSEE_TIME_ZONE,
  formatInstant,
  isTimeZone,
  parseRealseeTime,
  timeZoneSchema,
  toRealseeTimeText,
  viewRealseeTime,
} from '../../common/realsee-time';

describe('parseRealseeTime', () => {
  it('reads a zone-less text on the given zone’s clock (Beijing time by default)', () => {
    expect(DEFAULT_REALSEE_TIME_ZONE).toBe('Asia/Shanghai');
    expect(parseRealseeTime('2026-03-14 16:30:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 2, 14, 8, 30, 0));
    expect(parseRealseeTime('2026-03-14 16:30:00', 'UTC')).toBe(Date.UTC(2026, 2, 14, 16, 30, 0));
    expect(parseRealseeTime('2026-03-14T16:30', 'Asia/Shanghai')).toBe(Date.UTC(2026, 2, 14, 8, 30, 0));
  });

  it('follows daylight saving time in zones that have it', () => {
    expect(parseRealseeTime('2026-01-15 12:00:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 0, 15, 11));
    expect(parseRealseeTime('2026-07-15 12:00:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 15, 10));
    expect(parseRealseeTime('2026-07-15 12:00:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 15, 16));
  });

  it('keeps an offset the text names itself', () => {
    expect(parseRealseeTime('2026-03-14 16:30:00Z', 'Asia/Shanghai')).toBe(Date.UTC(2026, 2, 14, 16, 30));
    expect(parseRealseeTime('2026-03-14 16:30:00+08:00', 'UTC')).toBe(Date.UTC(2026, 2, 14, 8, 30));
    expect(parseRealseeTime('2026-03-14T16:30:00.250-0130', 'UTC')).toBe(Date.UTC(2026, 2, 14, 18, 0, 0, 250));
  });

  it('gives null for empty, unreadable or impossible texts, and for an unknown zone', () => {
    for (const text of [
      null,
      undefined,
      '',
      '  ',
      'yesterday',
      '14/03/2026 16:30',
      '2026-02-30 10:00:00',
      '2026-03-14 24:00:00',
      '1710405000',
    ]) {
      expect(parseRealseeTime(text, 'Asia/Shanghai')).toBeNull();
    }
    expect(parseRealseeTime('2026-03-14 16:30:00', 'Mars/Olympus')).toBeNull();
  });
});

describe('toRealseeTimeText', () => {
  it('writes an instant as Realsee does, on the zone’s clock, and reads back to the same instant', () => {
    const instant = Date.UTC(2026, 2, 14, 8, 30, 5);
    expect(toRealseeTimeText(instant, 'Asia/Shanghai')).toBe('2026-03-14 16:30:05');
    expect(toRealseeTimeText(instant, 'UTC')).toBe('2026-03-14 08:30:05');
    expect(parseRealseeTime(toRealseeTimeText(instant, 'America/Los_Angeles'), 'America/Los_Angeles')).toBe(instant);
  });
});

describe('time zone names', () => {
  it('accepts IANA zones and refuses anything else', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'UTC', 'America/Argentina/Buenos_Aires']) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['', ' ', 'Asia/Shanghai ', 'Beijing', 'Mars/Olympus', '+08:00x']) expect(isTimeZone(zone)).toBe(false);
    expect(timeZoneSchema.safeParse('Asia/Tokyo').success).toBe(true);
    expect(timeZoneSchema.safeParse('Nowhere/Town').success).toBe(false);
  });
});

describe('viewRealseeTime', () => {
  it('shows the formatted instant and keeps the raw text; unreadable text is shown as it came', () => {
    const view = viewRealseeTime('2026-03-14 16:30:00', { timeZone: 'Asia/Shanghai', locale: 'en', displayTimeZone: 'UTC' });
    expect(view).toEqual({
      raw: '2026-03-14 16:30:00',
      instant: Date.UTC(2026, 2, 14, 8, 30),
      text: formatInstant(Date.UTC(2026, 2, 14, 8, 30), 'en', 'UTC'),
    });
    expect(view?.text).toMatch(/Mar 14, 2026.*08:30/);
    expect(viewRealseeTime('soon', { timeZone: 'Asia/Shanghai', locale: 'en' })).toEqual({ raw: 'soon', instant: null, text: 'soon' });
    expect(viewRealseeTime('', { timeZone: 'Asia/Shanghai', locale: 'en' })).toBeNull();
  });
});
