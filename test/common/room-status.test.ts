import { describe, expect, it } from 'vitest';
import { isRoomClosed, participantStatusMeaning, rawStatusSchema, rawStatusText } from '../../common/room-status';

describe('participant statuses', () => {
  it('reads 0, 1 and 2 as Realsee’s UserStatus: normal, removed, replaced — 0 is not "left"', () => {
    expect(participantStatusMeaning(0)).toBe('normal');
    expect(participantStatusMeaning(1)).toBe('removed');
    expect(participantStatusMeaning(2)).toBe('replaced');
    expect(participantStatusMeaning('0')).toBe('normal');
    expect(participantStatusMeaning(' 2 ')).toBe('replaced');
  });

  it('has no meaning for anything else, which is then shown raw', () => {
    for (const status of [3, -1, 1.5, 'left', '', null]) expect(participantStatusMeaning(status)).toBeNull();
    expect(rawStatusText(7)).toBe('7');
    expect(rawStatusText('BE_REPLACE')).toBe('BE_REPLACE');
    expect(rawStatusText(null)).toBeNull();
  });

  it('accepts numbers and texts as they came', () => {
    expect(rawStatusSchema.parse(4)).toBe(4);
    expect(rawStatusSchema.parse('ended')).toBe('ended');
    expect(rawStatusSchema.safeParse(true).success).toBe(false);
  });
});

describe('isRoomClosed', () => {
  it('is true only on a close time, a close event or a refusal', () => {
    expect(isRoomClosed({ closeTime: '2026-03-14 17:45:00' })).toBe(true);
    expect(isRoomClosed({ closeEvent: true })).toBe(true);
    expect(isRoomClosed({ refusedAsClosed: true })).toBe(true);
  });

  it('is false for an empty or missing close time, whatever the status number says', () => {
    expect(isRoomClosed({ closeTime: '' })).toBe(false);
    expect(isRoomClosed({ closeTime: '  ' })).toBe(false);
    expect(isRoomClosed({ closeTime: null })).toBe(false);
    expect(isRoomClosed({ status: 2, closeTime: '' } as { closeTime: string })).toBe(false);
  });
});
