import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { historyRoomCodeSchema, historyRoomSchema, type HistoryRoom, type HistoryStartupReport } from '../../common/history';
import type { AppError } from '../../common/errors';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-file';
import { upgradeHistoryFile } from './file-format';
import { AppFailure, appFailure } from '../app-failure';
import { HISTORY_FILE_NAME } from './history-file';
import { JournalFile, type LineLocation } from './journal-file';
import { capSnapshot } from './snapshots';

/*
 * Why a journal and not SQLite (`npm run bench`, 2-core machine, same 5-snapshot records):
 * - Cost per change: a journal line is one room record, ~3 KB, written and fdatasynced in ~1–3 ms
 *   at 1k, 10k and 30k rooms alike. SQLite (node:sqlite in Node 22, WAL, synchronous=FULL) wrote
 *   ~4.1 KB per note edit in ~0.3 ms, also flat. The old whole-file rewrite wrote 2.7 MB at 1k
 *   rooms, 27 MB at 10k and 82 MB at 30k for every change. Both new options meet the ≤ 64 KB target.
 * - Opening: SQLite opens in < 1 ms, but the list and search (≤ 16 ms at 30k) need an in-memory
 *   index of every room either way, and node:sqlite is synchronous: reading and parsing 30k rows
 *   in one `.all()` blocked main for ~840 ms (it would need paging to stay responsive). The journal
 *   is read in 64 KB chunks with an event-loop turn between them (longest block ~10–30 ms at 30k),
 *   after the window is up, and keeps ~1 KB a room in memory (+33 MB at 30k); whole records are
 *   read from the file only when a room is opened.
 * - Risk: node:sqlite is experimental in Node 22 (it prints a warning), went missing from one
 *   Electron line when its build flags changed (electron/electron#47671, fixed by #47706), must be
 *   kept external by the bundler, and cannot be tried in Electron 45 on this machine. `libsql`
 *   ships Node-API binaries per platform that should load in Electron without a rebuild, but adds a
 *   native module to unpack from the asar and sign on macOS; `better-sqlite3` needs a rebuild
 *   against Electron's headers. The journal is plain Node: nothing to build, download or sign.
 * - Compaction keeps the file near its live size: once dead lines outweigh live ones (and the file
 *   is over 8 MB) the live lines are copied, unparsed, to a new file that replaces the old one with
 *   the same temp + fsync + rename as before (78 MB at 30k in ~0.4 s, longest block ~7 ms).
 *   Amortised, a change costs about twice its own line.
 */

export const JOURNAL_FILE_NAME = 'history.jsonl';
export const JOURNAL_VERSION = 3;
const HEADER = Buffer.from(JSON.stringify({ format: 'roomdesk-history', version: JOURNAL_VERSION }));
/** One room's line may not exceed this; larger rooms are refused on their own (others still save). */
export const MAX_RECORD_BYTES = 1024 * 1024;
export const COMPACT_MIN_BYTES = 8 * 1024 * 1024;

const profileId = z.string().min(1).max(64);
const journalLineSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('put'), room: historyRoomSchema }),
  z.strictObject({ op: z.literal('del'), profileId, roomCode: historyRoomCodeSchema }),
  z.strictObject({ op: z.literal('clear') }),
]);

/** Records are keyed by (profile, room code): the same code under two profiles is two rooms. */
export function roomKey(profileId: string, roomCode: string): string {
  return `${profileId}\n${roomCode}`;
}

export interface OpenedStore<S> {
  store: HistoryStore;
  /** What `summarize` made of each live room, by roomKey. */
  rooms: Map<string, S>;
  report: HistoryStartupReport;
}

export class HistoryStore {
  /** Where each live room's latest line is. */
  private readonly locations = new Map<string, LineLocation>();
  private liveBytes = HEADER.length + 1;

  /** The file is compacted once it is over this size and dead lines outweigh live ones. */
  compactMinBytes = COMPACT_MIN_BYTES;

  private constructor(
    private readonly journal: JournalFile | null,
    private readonly dir: string,
  ) {}

  get path(): string {
    return join(this.dir, JOURNAL_FILE_NAME);
  }

  get fileBytes(): number {
    return this.journal?.size ?? 0;
  }

  /**
   * Opens the journal (migrating today's history.json first), calling `summarize` for every room
   * read. Never throws for bad data: unreadable lines are set aside on their own and reported.
   */
  static async open<S>(options: { dir: string; now: () => number; summarize: (room: HistoryRoom) => S }): Promise<OpenedStore<S>> {
    const { dir, now } = options;
    const path = join(dir, JOURNAL_FILE_NAME);
    await mkdir(dir, { recursive: true });
    await removeStaleTempFiles(path);
    const migration = (await exists(path)) ? null : await migrateLegacyFile(dir, now);

    let journal: JournalFile;
    try {
      journal = await JournalFile.open(path);
    } catch (error) {
      const problem = storageProblem(
        `The history ${path} could not be opened (${describeFsError(error)}). Roomdesk shows an empty history and does not overwrite it.`,
      );
      return {
        store: HistoryStore.unavailable(dir),
        rooms: new Map(),
        report: { outcome: 'unreadable', roomCount: 0, problem, writable: false },
      };
    }
    const store = new HistoryStore(journal, dir);
    const rooms = new Map<string, S>();
    const setAside: Buffer[] = [];
    let headerSeen = false;
    let badHeader: string | null = null;
    const end = await journal.scan((line, offset) => {
      if (!headerSeen) {
        headerSeen = true;
        badHeader = readHeaderProblem(line);
        return;
      }
      if (badHeader !== null) return;
      const parsed = parseLine(line);
      if (parsed === null) {
        setAside.push(Buffer.from(line));
        return;
      }
      if (parsed.op === 'clear') {
        rooms.clear();
        store.locations.clear();
        store.liveBytes = HEADER.length + 1;
      } else if (parsed.op === 'del') {
        store.forget(roomKey(parsed.profileId, parsed.roomCode));
        rooms.delete(roomKey(parsed.profileId, parsed.roomCode));
      } else {
        const key = roomKey(parsed.room.profileId, parsed.room.roomCode);
        store.remember(key, { offset, length: line.length });
        rooms.set(key, options.summarize(parsed.room));
      }
    });
    // Bytes with no complete first line are not a torn append: the file is not ours, keep it whole.
    if (!headerSeen && journal.size > 0) badHeader = 'its first line is not a history header';
    if (badHeader !== null) {
      await journal.close();
      return quarantineJournal(dir, now, badHeader, options);
    }
    if (end < journal.size) await journal.truncate(end);
    if (!headerSeen) await journal.append([HEADER]);

    const base: HistoryStartupReport = migration?.report ?? { outcome: 'loaded', roomCount: 0, writable: true };
    const allSetAside = [...(migration?.setAside ?? []), ...setAside];
    if (allSetAside.length === 0) return { store, rooms, report: { ...base, roomCount: rooms.size } };

    const movedTo = await freeName(dir, `history.set-aside-${fileStamp(now())}`, '.jsonl');
    await writeFileAtomic(
      movedTo,
      allSetAside.flatMap((line) => [line, Buffer.from('\n')]),
    );
    // The set-aside lines now live in their own file; rewriting the journal drops them from it.
    if (setAside.length > 0) await store.compact();
    const problem = storageProblem(
      `${allSetAside.length} history record(s) could not be read and were moved to ${movedTo}. Every other room was kept; nothing was deleted.`,
    );
    const outcome = base.outcome === 'migrated' ? 'migrated' : 'set-aside';
    return { store, rooms, report: { ...base, outcome, roomCount: rooms.size, problem, movedTo, setAsideCount: allSetAside.length } };
  }

  /** A store that could not be opened: reads find nothing, writes are refused. */
  static unavailable(dir: string): HistoryStore {
    return new HistoryStore(null, dir);
  }

  has(key: string): boolean {
    return this.locations.has(key);
  }

  /** Encodes a room as its journal line; throws 'validation' for a room that cannot be stored. */
  static encode(room: HistoryRoom): Buffer {
    let text: string;
    try {
      text = JSON.stringify({ op: 'put', room });
    } catch {
      throw appFailure('validation', `Room ${room.roomCode} could not be encoded for saving.`);
    }
    if (text.length > MAX_RECORD_BYTES) {
      throw appFailure('validation', `Room ${room.roomCode} is too large to save (${Math.round(text.length / 1024)} KB).`);
    }
    const bytes = Buffer.from(text);
    if (bytes.length > MAX_RECORD_BYTES) throw appFailure('validation', `Room ${room.roomCode} is too large to save.`);
    return bytes;
  }

  /** Appends already-encoded room lines (see encode) and makes them durable. */
  async put(entries: readonly { key: string; line: Buffer }[]): Promise<void> {
    const journal = this.writableJournal();
    const locations = await this.guard(() => journal.append(entries.map((entry) => entry.line)));
    entries.forEach((entry, index) => this.remember(entry.key, locations[index]!));
    await this.compactIfWorthIt();
  }

  async delete(profileId: string, roomCode: string): Promise<void> {
    const journal = this.writableJournal();
    await this.guard(() => journal.append([Buffer.from(JSON.stringify({ op: 'del', profileId, roomCode }))]));
    this.forget(roomKey(profileId, roomCode));
    // A deleted room's data must leave the disk, not wait for the next compaction.
    await this.compact();
  }

  async clear(): Promise<void> {
    const journal = this.writableJournal();
    await this.guard(() => journal.append([Buffer.from(JSON.stringify({ op: 'clear' }))]));
    this.locations.clear();
    this.liveBytes = HEADER.length + 1;
    await this.compact();
  }

  /** Reads one room's latest record from the file. */
  async read(key: string): Promise<HistoryRoom> {
    const location = this.locations.get(key);
    if (location === undefined || this.journal === null) throw appFailure('not-found', 'That room is not in the history.');
    const parsed = parseLine(await this.guard(() => this.journal!.read(location)));
    if (parsed === null || parsed.op !== 'put') {
      throw appFailure('storage', "That room's record in the history file changed on disk and could not be read.");
    }
    return parsed.room;
  }

  /** Every live room, read from the file in file order (for exports). */
  async readAll(): Promise<HistoryRoom[]> {
    if (this.journal === null) return [];
    const wanted = new Set([...this.locations.values()].map((location) => location.offset));
    const rooms: HistoryRoom[] = [];
    await this.guard(() =>
      this.journal!.scan((line, offset) => {
        if (!wanted.has(offset)) return;
        const parsed = parseLine(line);
        if (parsed?.op === 'put') rooms.push(parsed.room);
      }),
    );
    return rooms;
  }

  /** Rewrites the journal with live lines only; resolves once the new file is durable. */
  async compact(): Promise<void> {
    const journal = this.writableJournal();
    const moved = await this.guard(() => journal.compact(HEADER, [...this.locations.values()]));
    for (const [key, location] of this.locations) {
      const next = moved.get(location.offset);
      if (next !== undefined) this.locations.set(key, next);
    }
  }

  async close(): Promise<void> {
    await this.journal?.close();
  }

  private async compactIfWorthIt(): Promise<void> {
    const size = this.fileBytes;
    if (size > this.compactMinBytes && size > 2 * this.liveBytes) await this.compact();
  }

  private remember(key: string, location: LineLocation): void {
    this.forget(key);
    this.locations.set(key, location);
    this.liveBytes += location.length + 1;
  }

  private forget(key: string): void {
    const previous = this.locations.get(key);
    if (previous === undefined) return;
    this.locations.delete(key);
    this.liveBytes -= previous.length + 1;
  }

  private writableJournal(): JournalFile {
    if (this.journal === null) {
      throw appFailure('storage', `The history ${this.path} could not be opened, so it is not written to.`);
    }
    return this.journal;
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      throw appFailure('storage', `The history could not be saved to ${this.path}: ${describeFsError(error)}.`);
    }
  }
}

type JournalLine = z.infer<typeof journalLineSchema>;

function parseLine(line: Buffer): JournalLine | null {
  let data: unknown;
  try {
    data = JSON.parse(line.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = journalLineSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

function readHeaderProblem(line: Buffer): string | null {
  let data: unknown;
  try {
    data = JSON.parse(line.toString('utf8'));
  } catch {
    return 'its first line is not a history header';
  }
  const header = data as { format?: unknown; version?: unknown } | null;
  if (header?.format !== 'roomdesk-history' || typeof header.version !== 'number') return 'its first line is not a history header';
  if (header.version > JOURNAL_VERSION) return `it was written by a newer Roomdesk (history version ${header.version})`;
  if (header.version !== JOURNAL_VERSION) return `history version ${header.version} is not one Roomdesk ever wrote`;
  return null;
}

/** A journal that is not ours (or from a newer version) is moved aside whole and a new one started. */
async function quarantineJournal<S>(
  dir: string,
  now: () => number,
  reason: string,
  options: { dir: string; now: () => number; summarize: (room: HistoryRoom) => S },
): Promise<OpenedStore<S>> {
  const path = join(dir, JOURNAL_FILE_NAME);
  const movedTo = await freeName(dir, `history.corrupt-${fileStamp(now())}`, '.jsonl');
  try {
    await rename(path, movedTo);
  } catch (error) {
    const problem = storageProblem(
      `The history ${path} could not be used because ${reason}, and it could not be moved aside (${describeFsError(error)}). Roomdesk shows an empty history and does not overwrite it.`,
    );
    return {
      store: HistoryStore.unavailable(dir),
      rooms: new Map(),
      report: { outcome: 'unreadable', roomCount: 0, problem, writable: false },
    };
  }
  const opened = await HistoryStore.open(options);
  const problem = storageProblem(
    `The history could not be used because ${reason}. It was moved to ${movedTo} and Roomdesk started with an empty history.`,
  );
  return { ...opened, report: { outcome: 'quarantined', roomCount: 0, problem, movedTo, writable: true } };
}

/** A whole journal holding `rooms`, as buffers for writeFileAtomic (migration, test and benchmark fixtures). */
export function encodeJournal(rooms: Iterable<HistoryRoom>): Buffer[] {
  const lines: Buffer[] = [HEADER, NL];
  for (const room of rooms) lines.push(Buffer.from(JSON.stringify({ op: 'put', room })), NL);
  return lines;
}

interface Migration {
  report: HistoryStartupReport;
  setAside: Buffer[];
}

/**
 * Today's history.json (v1 or v2) becomes the journal: the old file is copied byte for byte to a
 * backup first, the journal is written whole (temp + fsync + rename), and only then is the old
 * file removed. A crash at any step leaves either the old file or the finished journal. Rooms
 * that do not pass validation are set aside one by one; the others are migrated.
 */
async function migrateLegacyFile(dir: string, now: () => number): Promise<Migration | null> {
  const legacyPath = join(dir, HISTORY_FILE_NAME);
  let bytes: Buffer;
  try {
    bytes = await readFile(legacyPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return legacyQuarantine(dir, now, `it could not be read (${describeFsError(error)})`);
  }
  let data: unknown;
  try {
    const text = bytes.toString('utf8');
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return legacyQuarantine(dir, now, 'it is not valid JSON');
  }
  const version = (data as { version?: unknown } | null)?.version;
  let candidates: unknown[];
  if (version === 2 && Array.isArray((data as { rooms?: unknown }).rooms)) {
    candidates = (data as { rooms: unknown[] }).rooms;
  } else {
    const upgraded = upgradeHistoryFile(data);
    if (!upgraded.ok) return legacyQuarantine(dir, now, upgraded.reason);
    candidates = upgraded.file.rooms;
  }

  const byKey = new Map<string, HistoryRoom>();
  const setAside: Buffer[] = [];
  for (const candidate of candidates) {
    const parsed = historyRoomSchema.safeParse(withCappedSnapshots(candidate));
    if (parsed.success) byKey.set(roomKey(parsed.data.profileId, parsed.data.roomCode), parsed.data);
    else setAside.push(Buffer.from(safeStringify(candidate)));
  }
  const fromVersion = typeof version === 'number' ? version : 0;
  const backupPath = await freeName(dir, `history.v${fromVersion}.backup-${fileStamp(now())}`, '.json');
  try {
    await writeFileAtomic(backupPath, bytes);
    await writeFileAtomic(join(dir, JOURNAL_FILE_NAME), encodeJournal(byKey.values()));
    await rm(legacyPath, { force: true });
  } catch (error) {
    await rm(join(dir, JOURNAL_FILE_NAME), { force: true }).catch(() => undefined);
    throw appFailure(
      'storage',
      `The history needs an update but it could not be written (${describeFsError(error)}); the old file is kept as it was.`,
    );
  }
  return { report: { outcome: 'migrated', roomCount: byKey.size, backupPath, migratedFrom: fromVersion, writable: true }, setAside };
}

/** Migrated rooms get the same snapshot caps as new ones, so a huge old nickname does not cost the room. */
function withCappedSnapshots(candidate: unknown): unknown {
  if (typeof candidate !== 'object' || candidate === null) return candidate;
  const room = candidate as { snapshots?: unknown };
  if (!Array.isArray(room.snapshots)) return candidate;
  const snapshots = room.snapshots.map((snapshot) => {
    const parsed = snapshotShape.safeParse(snapshot);
    return parsed.success ? capSnapshot(parsed.data) : snapshot;
  });
  return { ...candidate, snapshots };
}

const snapshotShape = z.strictObject({
  at: z.number().int().nonnegative(),
  status: z.number().nullable(),
  participants: z.array(
    z.strictObject({
      id: z.string().nullable(),
      role: z.string().nullable(),
      status: z.number().nullable(),
      nickname: z.string().nullable(),
    }),
  ),
  limits: historyRoomSchema.shape.snapshots.element.shape.limits,
  voiceId: z.number().nullable(),
  closeTime: z.string().nullable(),
});

async function legacyQuarantine(dir: string, now: () => number, reason: string): Promise<Migration> {
  const legacyPath = join(dir, HISTORY_FILE_NAME);
  const movedTo = await freeName(dir, `history.corrupt-${fileStamp(now())}`, '.json');
  try {
    await rename(legacyPath, movedTo);
  } catch (error) {
    // Not movable: leave it, start the journal beside it; the old file is never overwritten.
    const problem = storageProblem(
      `The history file ${legacyPath} could not be used because ${reason}, and it could not be moved aside (${describeFsError(error)}). It is left as it was; Roomdesk started a new history.`,
    );
    return { report: { outcome: 'unreadable', roomCount: 0, problem, writable: true }, setAside: [] };
  }
  const problem = storageProblem(
    `The history file could not be used because ${reason}. It was moved to ${movedTo} and Roomdesk started with an empty history.`,
  );
  await writeFile(join(dir, JOURNAL_FILE_NAME), Buffer.concat([HEADER, NL]), { flag: 'wx' }).catch(() => undefined);
  return { report: { outcome: 'quarantined', roomCount: 0, problem, movedTo, writable: true }, setAside: [] };
}

const NL = Buffer.from('\n');

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '"(a record that could not be encoded)"';
  }
}

function storageProblem(message: string): AppError {
  return { kind: 'storage', message };
}

/** A time stamp that is safe in file names on every platform (no colons). */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function freeName(dir: string, stem: string, extension: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = join(dir, attempt === 1 ? `${stem}${extension}` : `${stem}-${attempt}${extension}`);
    if (!(await exists(candidate))) return candidate;
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : 'unknown error');
}
