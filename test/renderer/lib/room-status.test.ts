import { describe, expect, it } from 'vitest';
import { isRoomCode } from '../../../common/room-code';
import { isClosedStatus, statusTone } from '../../../renderer/src/lib/room-status';

describe('room status and code', () => {
  it('knows a closed room, and gives every status one badge tone', () => {
    expect(isClosedStatus(2)).toBe(true);
    expect(isClosedStatus(1)).toBe(false);
    expect(isClosedStatus(null)).toBe(false);
    expect([0, 1, 2, 7, null].map(statusTone)).toEqual(['waiting', 'live', 'closed', 'unknown', 'unknown']);
  });

  it('takes letters, digits, - and _ up to 64 characters as a room code', () => {
    expect(isRoomCode('L7xFX49QH5aIUjsk')).toBe(true);
    expect(isRoomCode('a_b-c')).toBe(true);
    expect(isRoomCode('')).toBe(false);
    expect(isRoomCode('../etc')).toBe(false);
    expect(isRoomCode('x'.repeat(65))).toBe(false);
  });
});
