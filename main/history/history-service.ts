import { statSync } from 'node:fs';
import { z } from 'zod';
import {
  historyExportOptionsSchema,
  historyQuerySchema,
  historyRoomSchema,
  recordEventInputSchema,
  strictGuestSchema,
  strictListingSchema,
  type HistoryExportOptions,
  type HistoryPage,
  type HistoryQuery,
  type HistoryRoom,
  type HistoryStartupReport,
  type HistoryStats,
  type RecordEventInput,
  type RecordedEvent,
  type TimelineEntry,
} from '../../common/history';
import { parseRealseeTime } from '../../common/realsee-time';
import { roomSummarySchema, type Listing, type RoomSummary } from '../../common/room';
import { appFailure } from '../app-failure';
import { exportRoomsAsCsv, exportRoomsAsJson } from './history-export';
import { openHistoryFile } from './history-file';
import { HistoryIndex } from './history-index';
import { stripTicketFromLink } from './link-scrub';
import { createSerialWriter } from './serial-writer';
import { DEFAULT_SNAPSHOT_CAP, toDetailSnapshot, withSnapshot } from './snapshots';

export const DEFAULT_TIMELINE_CAP = 500;

export interface HistoryServiceOptions {
  /** The folder the history file lives in: app.getPath('userData') in the app, a temp dir in tests. */
  dir: string;
  now?: () => number;
  snapshotCap?: number;
  timelineCap?: number;
}

const recordCreatedInputSchema = z.strictObject({
  profileId: z.string().min(1).max(64),
  roomCode: z.string().min(1).max(128),
  roomLink: z.string().max(2000),
  creatorUserId: z.string().nullable(),
  listing: strictListingSchema.optional(),
  guests: z.array(strictGuestSchema).optional(),
});
export type RecordCreatedInput = z.input<typeof recordCreatedInputSchema>;

export interface HistoryService {
  /** Null when the file was absent or loaded as it was; otherwise what happened to it. */
  readonly startupReport: HistoryStartupReport | null;
  recordCreated(input: RecordCreatedInput): Promise<HistoryRoom>;
  recordSnapshot(profileId: string, summary: RoomSummary): Promise<HistoryRoom>;
  recordEvent(roomCode: string, event: RecordEventInput): Promise<HistoryRoom>;
  updateNotes(roomCode: string, notes: string): Promise<HistoryRoom>;
  has(roomCode: string): boolean;
  get(roomCode: string): HistoryRoom;
  query(query: HistoryQuery): HistoryPage;
  timeline(roomCode: string): TimelineEntry[];
  exportRooms(options: HistoryExportOptions): string;
  deleteRoom(roomCode: string): Promise<void>;
  clearAll(): Promise<void>;
  stats(): HistoryStats;
  /** Resolves once every write that was asked for has finished. */
  close(): Promise<void>;
}

/**
 * Every change is applied in memory, then the whole file is rewritten atomically; the call resolves
 * only after that write is durable. If the write fails the call rejects with a 'storage' error and
 * the change stays in memory, so the next successful write still saves it.
 */
export async function createHistoryService(options: HistoryServiceOptions): Promise<HistoryService> {
  const now = options.now ?? Date.now;
  const snapshotCap = options.snapshotCap ?? DEFAULT_SNAPSHOT_CAP;
  const timelineCap = options.timelineCap ?? DEFAULT_TIMELINE_CAP;
  const file = openHistoryFile({ dir: options.dir, now });
  const { rooms: loaded, report } = await file.load();

  // Rooms are frozen: the file caches the encoded bytes of each room object (see serializeHistory).
  const rooms = new Map<string, HistoryRoom>(loaded.map((room) => [room.roomCode, deepFreeze(room)]));
  const index = new HistoryIndex(rooms.values());
  let lastWrittenAt: number | null = null;
  const requestWrite = createSerialWriter(async () => {
    await file.save([...rooms.values()]);
    lastWrittenAt = now();
  });

  const roomOrThrow = (roomCode: string): HistoryRoom => {
    const room = rooms.get(roomCode);
    if (room === undefined) throw appFailure('not-found', `Room ${roomCode} is not in the history.`);
    return room;
  };

  /** Validates the whole record (strict: no undeclared field can slip in) and saves it. */
  const commit = async (next: HistoryRoom): Promise<HistoryRoom> => {
    const parsed = historyRoomSchema.safeParse(next);
    if (!parsed.success) {
      throw appFailure('validation', `Room ${next.roomCode} could not be saved: ${z.prettifyError(parsed.error)}`);
    }
    const room = deepFreeze(parsed.data);
    rooms.set(room.roomCode, room);
    index.upsert(room);
    await requestWrite();
    return room;
  };

  const withEvent = (room: HistoryRoom, event: RecordedEvent): HistoryRoom => {
    const timeline = [...room.timeline, event];
    // Keep the first event (usually `created`) and the newest ones.
    if (timeline.length > timelineCap) timeline.splice(1, timeline.length - timelineCap);
    return { ...room, timeline };
  };

  return {
    startupReport: report.outcome === 'new' || report.outcome === 'loaded' ? null : report,

    async recordCreated(input) {
      const parsed = parseInput(recordCreatedInputSchema, input);
      const existing = rooms.get(parsed.roomCode);
      const listing = scrubListing(parsed.listing ?? existing?.listing ?? {});
      const guests = parsed.guests ?? existing?.guests ?? [];
      if (existing !== undefined) {
        return commit({ ...existing, roomLink: stripTicketFromLink(parsed.roomLink), listing, guests });
      }
      const createdAt = now();
      return commit({
        profileId: parsed.profileId,
        roomCode: parsed.roomCode,
        roomLink: stripTicketFromLink(parsed.roomLink),
        creatorUserId: parsed.creatorUserId,
        createdAt,
        listing,
        guests,
        snapshots: [],
        timeline: [{ type: 'created', at: createdAt }],
        lastSyncedAt: null,
      });
    },

    async recordSnapshot(profileId, summary) {
      const parsed = parseInput(roomSummarySchema, summary);
      const room = rooms.get(parsed.roomCode) ?? roomFromSummary(profileId, parsed);
      return commit(withSnapshot(room, toDetailSnapshot(parsed), snapshotCap));
    },

    async recordEvent(roomCode, event) {
      const parsed = parseInput(recordEventInputSchema, event);
      const room = roomOrThrow(roomCode);
      return commit(withEvent(room, { ...parsed, at: parsed.at ?? now() } as RecordedEvent));
    },

    async updateNotes(roomCode, notes) {
      const room = roomOrThrow(roomCode);
      const { notes: _previous, ...rest } = room.listing;
      const listing: Listing = notes.trim() === '' ? rest : { ...rest, notes };
      return commit(withEvent({ ...room, listing }, { type: 'note-edited', at: now(), length: notes.length }));
    },

    has(roomCode) {
      return rooms.has(roomCode);
    },

    get(roomCode) {
      return roomOrThrow(roomCode);
    },

    query(query) {
      return index.query(parseInput(historyQuerySchema, query));
    },

    timeline(roomCode) {
      const room = roomOrThrow(roomCode);
      const refreshes: TimelineEntry[] = room.snapshots.map((snapshot) => ({
        type: 'details-refreshed',
        at: snapshot.at,
        status: snapshot.status,
        participantCount: snapshot.participants.length,
      }));
      // Array.prototype.sort is stable, so equal times keep recorded order, events first.
      return [...room.timeline, ...refreshes].sort((a, b) => a.at - b.at);
    },

    exportRooms(exportOptions) {
      const { codes, format } = parseInput(historyExportOptionsSchema, exportOptions);
      const selected = codes === undefined ? [...rooms.values()] : codes.map(roomOrThrow);
      selected.sort((a, b) => a.createdAt - b.createdAt);
      return format === 'csv' ? exportRoomsAsCsv(selected) : exportRoomsAsJson(selected, now());
    },

    async deleteRoom(roomCode) {
      roomOrThrow(roomCode);
      rooms.delete(roomCode);
      index.remove(roomCode);
      await requestWrite();
    },

    async clearAll() {
      rooms.clear();
      index.clear();
      await requestWrite();
    },

    stats() {
      let snapshots = 0;
      let events = 0;
      let oldest: number | null = null;
      let newest: number | null = null;
      for (const room of rooms.values()) {
        snapshots += room.snapshots.length;
        events += room.timeline.length;
        oldest = oldest === null ? room.createdAt : Math.min(oldest, room.createdAt);
        newest = newest === null ? room.createdAt : Math.max(newest, room.createdAt);
      }
      return {
        rooms: rooms.size,
        snapshots,
        events,
        fileBytes: statSync(file.path, { throwIfNoEntry: false })?.size ?? 0,
        oldestCreatedAt: oldest,
        newestCreatedAt: newest,
        lastWrittenAt,
      };
    },

    async close() {
      await requestWrite.settled();
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw appFailure('validation', z.prettifyError(parsed.error));
  return parsed.data;
}

/** A VR share link is a URL too; it gets the same scrubbing as the room link. */
function scrubListing(listing: Listing): Listing {
  return listing.vr === undefined ? listing : { ...listing, vr: stripTicketFromLink(listing.vr) };
}

/** Details fetched for a room this app did not record creating (e.g. created elsewhere). */
function roomFromSummary(profileId: string, summary: RoomSummary): HistoryRoom {
  const created = parseRealseeTime(summary.createTime, summary.timeZone) ?? Number.NaN;
  return {
    profileId,
    roomCode: summary.roomCode,
    roomLink: stripTicketFromLink(summary.roomLink),
    creatorUserId: summary.creator.userId,
    createdAt: Number.isFinite(created) && created >= 0 ? created : summary.fetchedAt,
    listing: {},
    guests: [],
    snapshots: [],
    timeline: [],
    lastSyncedAt: null,
  };
}

