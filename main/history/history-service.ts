import { z } from 'zod';
import {
  historyExportOptionsSchema,
  historyQuerySchema,
  historyRoomCodeSchema,
  historyRoomSchema,
  recordEventInputSchema,
  strictGuestSchema,
  strictListingSchema,
  type HistoryExportOptions,
  type HistoryPage,
  type HistoryQuery,
  type HistoryRoom,
  type HistorySaveProblem,
  type HistoryStartupReport,
  type HistoryState,
  type HistoryStats,
  type RecordEventInput,
  type RecordedEvent,
  type TimelineEntry,
} from '../../common/history';
import { parseRealseeTime } from '../../common/realsee-time';
import { roomSummarySchema, type Listing, type RoomSummary } from '../../common/room';
import { AppFailure, appFailure } from '../app-failure';
import { exportRoomsAsCsv, exportRoomsAsJson } from './history-export';
import { HistoryIndex, toIndexEntry } from './history-index';
import { HistoryStore, roomKey } from './history-store';
import { stripTicketFromLink } from './link-scrub';
import { DEFAULT_SNAPSHOT_CAP, presentParticipants, toDetailSnapshot, withSnapshot } from './snapshots';

export const DEFAULT_TIMELINE_CAP = 500;
/** Whole records kept in memory for rooms read or changed lately (an open room page refreshes every 10 s). */
const RECENT_ROOMS = 64;

export interface HistoryServiceOptions {
  /** The folder the history lives in: app.getPath('userData') in the app, a temp dir in tests. */
  dir: string;
  now?: () => number;
  snapshotCap?: number;
  timelineCap?: number;
  /** Compaction threshold (default COMPACT_MIN_BYTES); tests lower it to compact often. */
  compactMinBytes?: number;
  /** Told when loading finishes and whenever a save fails or works again. */
  onStateChange?: (state: HistoryState) => void;
}

const profileIdSchema = z.string().min(1).max(64);
const recordCreatedInputSchema = z.strictObject({
  profileId: profileIdSchema,
  roomCode: historyRoomCodeSchema,
  roomLink: z.string().max(2000),
  creatorUserId: z.string().nullable(),
  listing: strictListingSchema.optional(),
  guests: z.array(strictGuestSchema).optional(),
});
export type RecordCreatedInput = z.input<typeof recordCreatedInputSchema>;

/** A room in the history: its code, and its profile when more than one profile may have that code. */
export type RoomRef = string | { roomCode: string; profileId?: string | undefined };
const roomRefSchema = z.object({ roomCode: historyRoomCodeSchema, profileId: profileIdSchema.optional() });

export interface HistoryService {
  /** Resolves once the history has been read; every call below waits for it. */
  readonly ready: Promise<void>;
  /** Null while loading or when the history was loaded as it was; otherwise what happened to it. */
  readonly startupReport: HistoryStartupReport | null;
  state(): HistoryState;
  recordCreated(input: RecordCreatedInput): Promise<HistoryRoom>;
  recordSnapshot(profileId: string, summary: RoomSummary): Promise<HistoryRoom>;
  recordEvent(ref: RoomRef, event: RecordEventInput): Promise<HistoryRoom>;
  updateNotes(ref: RoomRef, notes: string): Promise<HistoryRoom>;
  has(ref: RoomRef): Promise<boolean>;
  /** The profile that has this room, when exactly one has it (null while loading). */
  ownerOf(roomCode: string): string | null;
  get(ref: RoomRef): Promise<HistoryRoom>;
  query(query: HistoryQuery): Promise<HistoryPage>;
  timeline(ref: RoomRef): Promise<TimelineEntry[]>;
  exportRooms(options: HistoryExportOptions): Promise<{ text: string; rooms: number }>;
  deleteRoom(ref: RoomRef): Promise<void>;
  clearAll(): Promise<void>;
  stats(): HistoryStats;
  /** Writes what is only in memory ("as of" times of refreshes that found nothing new). */
  flush(): Promise<void>;
  /** Flushes, then closes the file. Later changes are refused. */
  close(): Promise<void>;
}

/**
 * The history is read in the background: the service is returned at once and every call waits for
 * `ready`. Each change appends one room record to the journal (history-store.ts) and resolves once
 * it is durable. A change that cannot be written is kept in memory, retried with the next write,
 * and reported through `state().saveProblem`; a room that cannot be encoded at all is refused on
 * its own and never holds up the others.
 */
export function createHistoryService(options: HistoryServiceOptions): HistoryService {
  const now = options.now ?? Date.now;
  const snapshotCap = options.snapshotCap ?? DEFAULT_SNAPSHOT_CAP;
  const timelineCap = options.timelineCap ?? DEFAULT_TIMELINE_CAP;

  let store: HistoryStore | null = null;
  let report: HistoryStartupReport | null = null;
  let index = new HistoryIndex();
  let loaded = false;
  let closed = false;
  let saveProblem: HistorySaveProblem | null = null;
  let lastWrittenAt: number | null = null;
  /** Rooms whose latest change could not be written yet (written before anything else next time). */
  const pending = new Map<string, HistoryRoom>();
  /** Rooms whose "as of" time moved without any other change; written by flush() or their next change. */
  const unsavedSync = new Set<string>();
  const recent = new Map<string, HistoryRoom>();

  const emitState = () => options.onStateChange?.(state());
  const state = (): HistoryState => ({ load: loaded ? 'ready' : 'loading', saveProblem });

  const ready = (async () => {
    try {
      const opened = await HistoryStore.open({ dir: options.dir, now, summarize: toIndexEntry });
      store = opened.store;
      if (options.compactMinBytes !== undefined) store.compactMinBytes = options.compactMinBytes;
      index = new HistoryIndex(opened.rooms.values());
      report = opened.report.outcome === 'new' || opened.report.outcome === 'loaded' ? null : opened.report;
    } catch (error) {
      const message = error instanceof Error ? error.message : 'unknown error';
      report = { outcome: 'unreadable', roomCount: 0, problem: { kind: 'storage', message }, writable: false };
    }
    loaded = true;
    emitState();
  })();

  /** Every file operation runs one at a time, in order (a change reads its room, then appends). */
  let tail: Promise<unknown> = ready;
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = tail.then(operation, operation);
    tail = run.catch(() => undefined);
    return run;
  };

  const remember = (key: string, room: HistoryRoom) => {
    recent.delete(key);
    recent.set(key, room);
    if (recent.size > RECENT_ROOMS) recent.delete(recent.keys().next().value!);
  };

  const requireStore = (): HistoryStore => {
    if (closed) throw appFailure('storage', 'The history is closed.');
    if (store === null) throw appFailure('storage', 'The history could not be opened.');
    return store;
  };

  const resolveKey = (ref: RoomRef): string => {
    const parsed = parseInput(roomRefSchema, typeof ref === 'string' ? { roomCode: ref } : ref);
    if (parsed.profileId !== undefined) return roomKey(parsed.profileId, parsed.roomCode);
    const profiles = index.profilesFor(parsed.roomCode);
    if (profiles.length === 1) return roomKey(profiles[0]!, parsed.roomCode);
    if (profiles.length === 0) throw appFailure('not-found', `Room ${parsed.roomCode} is not in the history.`);
    throw appFailure('validation', `Room ${parsed.roomCode} is in the history of ${profiles.length} profiles; say which one.`);
  };

  /** The room as the app knows it (memory first, then the file); null when there is none. */
  const load = async (key: string): Promise<HistoryRoom | null> => {
    const known = pending.get(key) ?? recent.get(key);
    if (known !== undefined) return known;
    if (!index.get(key)) return null;
    const room = await requireStore().read(key);
    remember(key, room);
    return room;
  };

  const loadOrThrow = async (key: string): Promise<HistoryRoom> => {
    const room = await load(key);
    if (room === null) throw appFailure('not-found', `Room ${key.split('\n')[1]} is not in the history.`);
    return room;
  };

  const setSaveProblem = (problem: HistorySaveProblem | null) => {
    if (problem === null && saveProblem === null) return;
    saveProblem = problem;
    emitState();
  };

  /** Validates the whole record (strict: no undeclared field can slip in) and appends it. */
  const save = async (next: HistoryRoom): Promise<HistoryRoom> => {
    const parsed = historyRoomSchema.safeParse(next);
    const fail = (error: AppFailure): never => {
      setSaveProblem({ at: now(), roomCode: next.roomCode, error: error.appError });
      throw error;
    };
    if (!parsed.success) {
      fail(appFailure('validation', `Room ${next.roomCode} could not be saved: ${z.prettifyError(parsed.error)}`));
    }
    let room = parsed.data!;
    const key = roomKey(room.profileId, room.roomCode);
    let line: Buffer;
    try {
      ({ room, line } = encodeWithinLimit(room));
    } catch (error) {
      return fail(error as AppFailure);
    }
    const earlier = [...pending].filter(([pendingKey]) => pendingKey !== key);
    const lines = [
      ...earlier.map(([pendingKey, pendingRoom]) => ({ key: pendingKey, line: HistoryStore.encode(pendingRoom) })),
      { key, line },
    ];
    pending.set(key, room);
    remember(key, room);
    index.upsert(toIndexEntry(room));
    unsavedSync.delete(key);
    try {
      await requireStore().put(lines);
    } catch (error) {
      return fail(error instanceof AppFailure ? error : appFailure('storage', 'The history could not be saved.'));
    }
    for (const { key: written } of lines) pending.delete(written);
    lastWrittenAt = now();
    setSaveProblem(null);
    return room;
  };

  const withEvent = (room: HistoryRoom, event: RecordedEvent): HistoryRoom => ({
    ...room,
    timeline: capTimeline([...room.timeline, event], timelineCap),
  });

  const change = <T>(operation: () => Promise<T>): Promise<T> =>
    ready.then(() =>
      serial(async () => {
        requireStore();
        return operation();
      }),
    );

  return {
    ready,

    get startupReport() {
      return report;
    },

    state,

    async recordCreated(input) {
      if (!historyRoomCodeSchema.safeParse((input as { roomCode?: unknown }).roomCode).success) {
        return Promise.reject(
          appFailure('protocol', 'The gateway answered a new room with a room code Roomdesk cannot store (letters, digits, - and _ only).'),
        );
      }
      const parsed = parseInput(recordCreatedInputSchema, input);
      return change(async () => {
        const key = roomKey(parsed.profileId, parsed.roomCode);
        if (index.get(key) !== undefined) {
          throw appFailure(
            'protocol',
            `The gateway answered a new room with code ${parsed.roomCode}, which is already in the history; the saved room was left as it was.`,
          );
        }
        const createdAt = now();
        return save({
          profileId: parsed.profileId,
          roomCode: parsed.roomCode,
          roomLink: stripTicketFromLink(parsed.roomLink),
          creatorUserId: parsed.creatorUserId,
          createdAt,
          listing: scrubListing(parsed.listing ?? {}),
          guests: parsed.guests ?? [],
          snapshots: [],
          timeline: [{ type: 'created', at: createdAt }],
          lastSyncedAt: null,
        });
      });
    },

    async recordSnapshot(profileId, summary) {
      const parsedProfile = parseInput(profileIdSchema, profileId);
      const parsed = parseInput(roomSummarySchema, summary);
      parseInput(historyRoomCodeSchema, parsed.roomCode);
      return change(async () => {
        const key = roomKey(parsedProfile, parsed.roomCode);
        const room = (await load(key)) ?? roomFromSummary(parsedProfile, parsed);
        const snapshot = toDetailSnapshot(parsed);
        let next = withSnapshot(room, snapshot, snapshotCap);
        if (next.snapshots === room.snapshots && index.get(key) !== undefined) {
          // Nothing but the time changed: nothing is written now (see flush()).
          remember(key, next);
          if (pending.has(key)) pending.set(key, next);
          else unsavedSync.add(key);
          index.touchSynced(key, next.lastSyncedAt ?? snapshot.at);
          return next;
        }
        if (isClosed(snapshot.closeTime) && !next.timeline.some((event) => event.type === 'room-closed')) {
          next = withEvent(next, { type: 'room-closed', at: snapshot.at });
        }
        return save(next);
      });
    },

    async recordEvent(ref, event) {
      const parsed = parseInput(recordEventInputSchema, event);
      return change(async () => {
        const room = await loadOrThrow(resolveKey(ref));
        if (parsed.type === 'room-closed' && room.timeline.some((entry) => entry.type === 'room-closed')) return room;
        return save(withEvent(room, { ...parsed, at: parsed.at ?? now() } as RecordedEvent));
      });
    },

    async updateNotes(ref, notes) {
      return change(async () => {
        const room = await loadOrThrow(resolveKey(ref));
        const { notes: _previous, ...rest } = room.listing;
        const listing: Listing = notes.trim() === '' ? rest : { ...rest, notes };
        return save(withEvent({ ...room, listing }, { type: 'note-edited', at: now(), length: notes.length }));
      });
    },

    async has(ref) {
      await ready;
      try {
        return index.get(resolveKey(ref)) !== undefined;
      } catch {
        return false;
      }
    },

    ownerOf(roomCode) {
      const profiles = index.profilesFor(roomCode);
      return profiles.length === 1 ? profiles[0]! : null;
    },

    async get(ref) {
      await ready;
      const key = resolveKey(ref);
      return serial(() => loadOrThrow(key));
    },

    async query(query) {
      const parsed = parseInput(historyQuerySchema, query);
      await ready;
      return index.query(parsed);
    },

    async timeline(ref) {
      await ready;
      const key = resolveKey(ref);
      const room = await serial(() => loadOrThrow(key));
      const refreshes: TimelineEntry[] = room.snapshots.map((snapshot) => ({
        type: 'details-refreshed',
        at: snapshot.at,
        status: snapshot.status,
        participantCount: presentParticipants(snapshot.participants).length,
      }));
      // Array.prototype.sort is stable, so equal times keep recorded order, events first.
      return [...room.timeline, ...refreshes].sort((a, b) => a.at - b.at);
    },

    async exportRooms(exportOptions) {
      const { codes, format } = parseInput(historyExportOptionsSchema, exportOptions);
      await ready;
      const wanted = codes === undefined ? null : new Set(codes);
      if (wanted !== null) for (const code of wanted) if (index.profilesFor(code).length === 0) resolveKey({ roomCode: code });
      const rooms = await serial(async () => {
        const fromFile = store === null ? [] : await store.readAll();
        const latest = new Map(fromFile.map((room) => [roomKey(room.profileId, room.roomCode), room]));
        for (const [key, room] of [...recent, ...pending]) if (latest.has(key) || pending.has(key)) latest.set(key, room);
        return [...latest.values()].filter((room) => wanted === null || wanted.has(room.roomCode));
      });
      rooms.sort((a, b) => a.createdAt - b.createdAt);
      return { text: format === 'csv' ? exportRoomsAsCsv(rooms) : exportRoomsAsJson(rooms, now()), rooms: rooms.length };
    },

    async deleteRoom(ref) {
      return change(async () => {
        const key = resolveKey(ref);
        const entry = index.get(key);
        if (entry === undefined) throw appFailure('not-found', `Room ${key.split('\n')[1]} is not in the history.`);
        await requireStore().delete(entry.profileId, entry.roomCode);
        forget(key);
        lastWrittenAt = now();
      });
    },

    async clearAll() {
      return change(async () => {
        await requireStore().clear();
        index.clear();
        pending.clear();
        recent.clear();
        unsavedSync.clear();
        lastWrittenAt = now();
        setSaveProblem(null);
      });
    },

    stats() {
      let snapshots = 0;
      let events = 0;
      let oldest: number | null = null;
      let newest: number | null = null;
      for (const entry of index.entries()) {
        snapshots += entry.snapshotCount;
        events += entry.eventCount;
        oldest = oldest === null ? entry.createdAt : Math.min(oldest, entry.createdAt);
        newest = newest === null ? entry.createdAt : Math.max(newest, entry.createdAt);
      }
      return {
        rooms: index.size,
        snapshots,
        events,
        fileBytes: store?.fileBytes ?? 0,
        oldestCreatedAt: oldest,
        newestCreatedAt: newest,
        lastWrittenAt,
      };
    },

    async flush() {
      await ready;
      if (closed || store === null) return;
      await serial(async () => {
        const keys = [...new Set([...pending.keys(), ...unsavedSync])];
        const rooms: HistoryRoom[] = [];
        for (const key of keys) {
          const room = await load(key);
          if (room !== null) rooms.push(room);
        }
        if (rooms.length === 0) return;
        const lines = rooms.map((room) => ({ key: roomKey(room.profileId, room.roomCode), line: HistoryStore.encode(room) }));
        try {
          await store!.put(lines);
        } catch (error) {
          const failure = error instanceof AppFailure ? error : appFailure('storage', 'The history could not be saved.');
          setSaveProblem({ at: now(), roomCode: null, error: failure.appError });
          throw failure;
        }
        for (const { key } of lines) {
          pending.delete(key);
          unsavedSync.delete(key);
        }
        lastWrittenAt = now();
        setSaveProblem(null);
      });
    },

    async close() {
      if (closed) return;
      await this.flush().catch(() => undefined);
      closed = true;
      await tail;
      await store?.close();
    },
  };

  function forget(key: string) {
    index.remove(key);
    pending.delete(key);
    recent.delete(key);
    unsavedSync.delete(key);
  }
}

/**
 * A room over the per-record limit first gives up its middle snapshots (the first and the newest
 * stay, as with the snapshot cap); only a room that is still too large is refused, on its own.
 */
function encodeWithinLimit(room: HistoryRoom): { room: HistoryRoom; line: Buffer } {
  let candidate = room;
  for (;;) {
    try {
      return { room: candidate, line: HistoryStore.encode(candidate) };
    } catch (error) {
      const { snapshots } = candidate;
      if (!(error instanceof AppFailure) || error.appError.kind !== 'validation' || snapshots.length <= 2) throw error;
      const keepNewest = Math.max(1, Math.floor((snapshots.length - 1) / 2));
      candidate = { ...candidate, snapshots: [snapshots[0]!, ...snapshots.slice(-keepNewest)] };
    }
  }
}

function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw appFailure('validation', z.prettifyError(parsed.error));
  return parsed.data;
}

/** Realsee's room details give a close time once a room has ended. */
function isClosed(closeTime: string | null): boolean {
  return closeTime !== null && closeTime.trim() !== '';
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

/** Events an agent may be asked about later (who was invited, when): evicted only when nothing else is left. */
const KEPT_EVENT_TYPES: ReadonlySet<RecordedEvent['type']> = new Set(['created', 'guest-pass-issued', 'room-closed']);

/**
 * A timeline within `cap` events: the oldest routine events (host joins, voice, note edits) go first,
 * so a flood of reconnects cannot push out the guest passes; the first event always stays.
 */
export function capTimeline(timeline: RecordedEvent[], cap: number): RecordedEvent[] {
  let excess = timeline.length - cap;
  if (excess <= 0) return timeline;
  const kept = timeline.filter((event, index) => {
    if (excess > 0 && index > 0 && !KEPT_EVENT_TYPES.has(event.type)) {
      excess -= 1;
      return false;
    }
    return true;
  });
  if (excess > 0) kept.splice(1, excess);
  return kept;
}
