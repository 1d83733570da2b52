import type { Guest, Listing } from '../../../../common/room';
import type { Messages } from '../../i18n/en';

export interface GuestRow {
  key: number;
  userId: string;
  role: string;
  nickname: string;
}

export interface ListingValues {
  title: string;
  address: string;
  vr: string;
  notes: string;
}

export type NewRoomErrors = {
  guests: Record<number, Partial<Record<'userId' | 'role' | 'nickname', string>>>;
  listing: Partial<Record<keyof ListingValues, string>>;
};

/** True when any field has a message; a row or field whose error was cleared does not count. */
export function hasFieldErrors(errors: NewRoomErrors): boolean {
  return Object.values(errors.guests).some((row) => Object.values(row).some(Boolean)) || Object.values(errors.listing).some(Boolean);
}

/** The errors without the given guest row's: what is left once the agent edits that row. */
export function withoutGuestErrors(errors: NewRoomErrors, key: number): NewRoomErrors {
  if (!(key in errors.guests)) return errors;
  const guests = { ...errors.guests };
  delete guests[key];
  return { ...errors, guests };
}

const VR_CODE = /^80[0-9A-Za-z]{16}$/;
const listingLimits: Record<keyof ListingValues, number> = { title: 200, address: 300, vr: 500, notes: 5000 };

/** A published VR's code: 18 characters starting with 80. */
export function isVrCode(value: string): boolean {
  return VR_CODE.test(value.trim());
}

/** A VR is an 18-character code starting with 80, or an https link to it. */
export function isValidVr(value: string): boolean {
  const trimmed = value.trim();
  if (isVrCode(trimmed)) return true;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

export function validateNewRoom(
  guests: GuestRow[],
  listing: ListingValues,
  t: Messages['newRoom']['invalid'],
): { ok: true; guests: Guest[]; listing: Listing } | { ok: false; errors: NewRoomErrors } {
  const errors: NewRoomErrors = { guests: {}, listing: {} };
  const seen = new Set<string>();
  for (const row of guests) {
    const rowErrors: NewRoomErrors['guests'][number] = {};
    const userId = row.userId.trim();
    if (userId === '') rowErrors.userId = t.guestUserId;
    else if (userId.length > 128) rowErrors.userId = t.tooLong({ max: 128 });
    else if (seen.has(userId)) rowErrors.userId = t.guestDuplicate;
    seen.add(userId);
    if (row.role.trim() === '') rowErrors.role = t.guestRole;
    else if (row.role.trim().length > 64) rowErrors.role = t.tooLong({ max: 64 });
    if (row.nickname.trim().length > 64) rowErrors.nickname = t.tooLong({ max: 64 });
    if (Object.keys(rowErrors).length > 0) errors.guests[row.key] = rowErrors;
  }
  for (const field of Object.keys(listingLimits) as Array<keyof ListingValues>) {
    if (listing[field].trim().length > listingLimits[field]) errors.listing[field] = t.tooLong({ max: listingLimits[field] });
  }
  if (!errors.listing.vr && listing.vr.trim() !== '' && !isValidVr(listing.vr)) errors.listing.vr = t.vr;

  if (Object.keys(errors.guests).length > 0 || Object.keys(errors.listing).length > 0) return { ok: false, errors };
  return {
    ok: true,
    guests: guests.map((row) => ({
      userId: row.userId.trim(),
      role: row.role.trim(),
      ...(row.nickname.trim() ? { nickname: row.nickname.trim() } : {}),
    })),
    listing: Object.fromEntries(
      (Object.keys(listingLimits) as Array<keyof ListingValues>)
        .filter((field) => listing[field].trim() !== '')
        .map((field) => [field, listing[field].trim()]),
    ) as Listing,
  };
}
