import { describe, expect, it } from 'vitest';
import {
  hasFieldErrors,
  isValidVr,
  validateNewRoom,
  withoutGuestErrors,
  type GuestRow,
  type NewRoomErrors,
} from '../../../renderer/src/features/new-room/new-room-form';
import { en } from '../../../renderer/src/i18n/en';

const listing = { title: '', address: '', vr: '', notes: '' };
const guest = (key: number, userId: string, role = 'guest', nickname = ''): GuestRow => ({ key, userId, role, nickname });

describe('the new-room form', () => {
  it('accepts a room with no guests and trims what it sends', () => {
    const checked = validateNewRoom([guest(1, '  u-1 ', ' guest ', ' Ann ')], { ...listing, title: '  Flat  ' }, en.newRoom.invalid);
    expect(checked).toEqual({ ok: true, guests: [{ userId: 'u-1', role: 'guest', nickname: 'Ann' }], listing: { title: 'Flat' } });
  });

  it('names each problem by row and field: empty id, duplicate id, missing role, bad VR', () => {
    const checked = validateNewRoom([guest(1, ''), guest(2, 'a'), guest(3, 'a', '')], { ...listing, vr: 'not a vr' }, en.newRoom.invalid);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.guests[1]?.userId).toBe(en.newRoom.invalid.guestUserId);
    expect(checked.errors.guests[2]).toBeUndefined();
    expect(checked.errors.guests[3]).toEqual({ userId: en.newRoom.invalid.guestDuplicate, role: en.newRoom.invalid.guestRole });
    expect(checked.errors.listing.vr).toBe(en.newRoom.invalid.vr);
  });

  it('takes an 18-character VR code or an https link, nothing else', () => {
    expect(isValidVr('80abcdefghijklmnop')).toBe(true);
    expect(isValidVr('https://realsee.cn/abc')).toBe(true);
    expect(isValidVr('http://realsee.cn/abc')).toBe(false);
    expect(isValidVr('81abcdefghijklmnop')).toBe(false);
  });

  it('has no errors to summarise once the agent has edited the rows that had them (an emptied entry does not count)', () => {
    const errors: NewRoomErrors = { guests: { 4: { userId: 'x' } }, listing: {} };
    expect(hasFieldErrors(errors)).toBe(true);
    expect(hasFieldErrors(withoutGuestErrors(errors, 4))).toBe(false);
    // What the form used to leave behind while typing: an empty entry per edited row, a cleared field.
    expect(hasFieldErrors({ guests: { 4: {}, 5: { userId: undefined } }, listing: { title: undefined } })).toBe(false);
    expect(hasFieldErrors({ guests: {}, listing: { notes: 'too long' } })).toBe(true);
  });
});
