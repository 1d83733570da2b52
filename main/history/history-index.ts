import type { HistoryListItem, HistoryPage, HistoryQuery, HistoryRoom } from '../../common/history';
import type { RawStatus } from '../../common/room-status';
import { roomKey } from './history-store';
import { presentParticipants } from './snapshots';

/** What the history keeps in memory per room: enough for lists, search and stats, not the record. */
export interface IndexEntry {
  /** roomKey(profileId, roomCode) */
  key: string;
  roomCode: string;
  profileId: string;
  createdAt: number;
  status: RawStatus;
  /** Every searchable field, normalized, separated so a match cannot span two fields. */
  haystack: string;
  item: HistoryListItem;
  snapshotCount: number;
  eventCount: number;
}

/**
 * In-memory search over the history: one precomputed lowercase haystack per room and a list kept
 * sorted by creation time, so a query is one linear scan without sorting or string building.
 */
export class HistoryIndex {
  private readonly byKey = new Map<string, IndexEntry>();
  /** Profiles per room code: a code alone names a room only when one profile has it. */
  private readonly profilesByCode = new Map<string, Set<string>>();
  /** Ascending by createdAt, then roomCode. */
  private sorted: IndexEntry[] = [];

  constructor(entries: Iterable<IndexEntry> = []) {
    for (const entry of entries) {
      this.byKey.set(entry.key, entry);
      this.addCode(entry);
    }
    this.sorted = [...this.byKey.values()].sort(compareEntries);
  }

  get size(): number {
    return this.byKey.size;
  }

  entries(): IterableIterator<IndexEntry> {
    return this.byKey.values();
  }

  get(key: string): IndexEntry | undefined {
    return this.byKey.get(key);
  }

  profilesFor(roomCode: string): string[] {
    return [...(this.profilesByCode.get(roomCode) ?? [])];
  }

  upsert(entry: IndexEntry): void {
    const previous = this.byKey.get(entry.key);
    if (previous !== undefined) this.removeFromSorted(previous);
    this.byKey.set(entry.key, entry);
    this.addCode(entry);
    this.sorted.splice(this.insertionPoint(entry), 0, entry);
  }

  /** Changes only the "as of" time of a room's row (a refresh that found nothing new). */
  touchSynced(key: string, lastSyncedAt: number): void {
    const entry = this.byKey.get(key);
    if (entry !== undefined) entry.item = { ...entry.item, lastSyncedAt };
  }

  remove(key: string): void {
    const entry = this.byKey.get(key);
    if (entry === undefined) return;
    this.byKey.delete(key);
    const profiles = this.profilesByCode.get(entry.roomCode);
    profiles?.delete(entry.profileId);
    if (profiles?.size === 0) this.profilesByCode.delete(entry.roomCode);
    this.removeFromSorted(entry);
  }

  clear(): void {
    this.byKey.clear();
    this.profilesByCode.clear();
    this.sorted = [];
  }

  private addCode(entry: IndexEntry): void {
    let profiles = this.profilesByCode.get(entry.roomCode);
    if (profiles === undefined) this.profilesByCode.set(entry.roomCode, (profiles = new Set()));
    profiles.add(entry.profileId);
  }

  query(query: HistoryQuery): HistoryPage {
    const terms = normalizeForSearch(query.text ?? '')
      .split(/\s+/)
      .filter((term) => term !== '');
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
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function toIndexEntry(room: HistoryRoom): IndexEntry {
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
    key: roomKey(room.profileId, room.roomCode),
    roomCode: room.roomCode,
    profileId: room.profileId,
    createdAt: room.createdAt,
    status: latest?.status ?? null,
    snapshotCount: room.snapshots.length,
    eventCount: room.timeline.length,
    haystack: normalizeForSearch(fields.filter((field): field is string => !!field).join('\u0000')),
    item: {
      roomCode: room.roomCode,
      profileId: room.profileId,
      createdAt: room.createdAt,
      title: room.listing.title ?? null,
      address: room.listing.address ?? null,
      status: latest?.status ?? null,
      guestCount: room.guests.length,
      participantCount: presentParticipants(latest?.participants ?? []).length,
      closeTime: latest?.closeTime ?? null,
      lastSyncedAt: room.lastSyncedAt,
    },
  };
}
