import type { HistoryListItem, HistoryPage, HistoryQuery, HistoryRoom } from '../../common/history';
import type { RawStatus } from '../../common/room-status';

interface IndexEntry {
  roomCode: string;
  profileId: string;
  createdAt: number;
  status: RawStatus;
  /** Every searchable field, normalized, separated so a match cannot span two fields. */
  haystack: string;
  item: HistoryListItem;
}

/**
 * In-memory search over the history: one precomputed lowercase haystack per room and a list kept
 * sorted by creation time, so a query is one linear scan without sorting or string building.
 */
export class HistoryIndex {
  private readonly byCode = new Map<string, IndexEntry>();
  /** Ascending by createdAt, then roomCode. */
  private sorted: IndexEntry[] = [];

  constructor(rooms: Iterable<HistoryRoom> = []) {
    for (const room of rooms) this.byCode.set(room.roomCode, toEntry(room));
    this.sorted = [...this.byCode.values()].sort(compareEntries);
  }

  upsert(room: HistoryRoom): void {
    const previous = this.byCode.get(room.roomCode);
    if (previous !== undefined) this.removeFromSorted(previous);
    const entry = toEntry(room);
    this.byCode.set(room.roomCode, entry);
    this.sorted.splice(this.insertionPoint(entry), 0, entry);
  }

  remove(roomCode: string): void {
    const entry = this.byCode.get(roomCode);
    if (entry === undefined) return;
    this.byCode.delete(roomCode);
    this.removeFromSorted(entry);
  }

  clear(): void {
    this.byCode.clear();
    this.sorted = [];
  }

  query(query: HistoryQuery): HistoryPage {
    const terms = normalizeForSearch(query.text ?? '').split(/\s+/).filter((term) => term !== '');
    const items: HistoryListItem[] = [];
    const end = query.offset + query.limit;
    let total = 0;
    const newestFirst = query.sort === 'newest';
    const count = this.sorted.length;
    for (let step = 0; step < count; step += 1) {
      const entry = this.sorted[newestFirst ? count - 1 - step : step]!;
      if (!matches(entry, query, terms)) continue;
      if (total >= query.offset && total < end) items.push(entry.item);
      total += 1;
    }
    return { total, items };
  }

  private insertionPoint(entry: IndexEntry): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareEntries(this.sorted[middle]!, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private removeFromSorted(entry: IndexEntry): void {
    const index = this.insertionPoint(entry);
    if (this.sorted[index] === entry) this.sorted.splice(index, 1);
    else this.sorted = this.sorted.filter((candidate) => candidate !== entry);
  }
}

/** NFKC folds full-width letters and digits (common in Chinese input) to their plain forms. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function matches(entry: IndexEntry, query: HistoryQuery, terms: string[]): boolean {
  if (query.profileId !== undefined && entry.profileId !== query.profileId) return false;
  if (query.status !== undefined && entry.status !== query.status) return false;
  if (query.from !== undefined && entry.createdAt < query.from) return false;
  if (query.to !== undefined && entry.createdAt > query.to) return false;
  for (const term of terms) if (!entry.haystack.includes(term)) return false;
  return true;
}

function compareEntries(a: IndexEntry, b: IndexEntry): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.roomCode < b.roomCode ? -1 : a.roomCode > b.roomCode ? 1 : 0;
}

function toEntry(room: HistoryRoom): IndexEntry {
  const latest = room.snapshots.at(-1);
  const fields: (string | null | undefined)[] = [
    room.roomCode,
    room.listing.title,
    room.listing.address,
    room.listing.notes,
    room.creatorUserId,
  ];
  for (const guest of room.guests) fields.push(guest.userId, guest.nickname);
  for (const participant of latest?.participants ?? []) fields.push(participant.id, participant.nickname);
  return {
    roomCode: room.roomCode,
    profileId: room.profileId,
    createdAt: room.createdAt,
    status: latest?.status ?? null,
    haystack: normalizeForSearch(fields.filter((field): field is string => !!field).join('\u0000')),
    item: {
      roomCode: room.roomCode,
      profileId: room.profileId,
      createdAt: room.createdAt,
      title: room.listing.title ?? null,
      address: room.listing.address ?? null,
      status: latest?.status ?? null,
      guestCount: room.guests.length,
      participantCount: latest?.participants.length ?? 0,
      closeTime: latest?.closeTime ?? null,
      lastSyncedAt: room.lastSyncedAt,
    },
  };
}
