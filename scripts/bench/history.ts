// Room history at 1,000 / 10,000 / 30,000 rooms × 5 snapshots, the journal (now) against the
// previous whole-file format (before), in the same run:
// - bytes written per snapshot append and per note edit (what the process hands to write(2), from
//   /proc/self/io where available, else the file's growth), and how long one takes;
// - the longest main-thread block while opening and during the first write after opening (a 1 ms
//   interval probe: the largest gap between two ticks, minus the interval);
// - time until the window can show: createAppServices with N rooms against an empty history;
// - memory added by opening (heap + external after a full GC);
// - search: median and max over 8 queries.
// "Before" is the previous format measured through its own parts, which are still in the tree for
// the migration: read + JSON.parse + validation of history.json and a whole-file atomic rewrite.
import Conf from 'conf';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HistoryQuery, HistoryRoom } from '../../common/history';
import type { RoomSummary } from '../../common/room';
import { createAppServices } from '../../main/app-services';
import { writeFileAtomic } from '../../main/history/atomic-file';
import { upgradeHistoryFile } from '../../main/history/file-format';
import { HISTORY_FILE_NAME, serializeHistory } from '../../main/history/history-file';
import { HistoryIndex, toIndexEntry } from '../../main/history/history-index';
import { createHistoryService, type HistoryService } from '../../main/history/history-service';
import { encodeJournal, HistoryStore, JOURNAL_FILE_NAME } from '../../main/history/history-store';
import { createLogger, SecretRegistry } from '../../main/logging/logger';
import { toDetailSnapshot, withSnapshot } from '../../main/history/snapshots';
import { toRealseeTimeText } from '../../common/realsee-time';

const SIZES = (process.env.ROOMDESK_BENCH_HISTORY_SIZES ?? '1000,10000,30000').split(',').map(Number);
const SNAPSHOTS_PER_ROOM = 5;
const WRITES = 9;
const SEARCH_REPEATS = 5;
const TARGETS = { bytesPerChange: 64 * 1024, blockMs: 50, windowRatio: 1.2, memoryMb: 60, searchMs: 16 };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Row {
  rooms: number;
  engine: 'before' | 'now';
  bytesPerAppend: number;
  bytesPerNote: number;
  appendMs: number;
  noteMs: number;
  openBlockMs: number;
  firstWriteBlockMs: number;
  openMs: number;
  windowMs: number;
  memoryMb: number;
  searchMedianMs: number;
  searchMaxMs: number;
}

export default {
  title: 'Room history (journal now vs whole file before)',
  async run(): Promise<void> {
    const rows: Row[] = [];
    const emptyWindow = await timeUntilWindow(0);
    for (const size of SIZES) {
      const dir = mkdtempSync(join(tmpdir(), 'roomdesk-history-bench-'));
      try {
        const before = await measureBefore(size, dir);
        rows.push(before);
        printRow(before, emptyWindow);
        const now = await measureNow(size, dir);
        rows.push(now);
        printRow(now, emptyWindow);
        await measureCompaction(size, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    printTable(rows, emptyWindow);
    console.log(`  load average after the run: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  },
};

/** The previous format: the whole history.json read, validated and kept in memory; every change rewrites it. */
async function measureBefore(roomCount: number, dir: string): Promise<Row> {
  const path = join(dir, HISTORY_FILE_NAME);
  writeFileSync(path, Buffer.concat(serializeHistory(generateRooms(roomCount))));
  heapMb(); // start from a collected heap, as an app does at launch
  const probe = blockProbe();
  const started = performance.now();
  // What createHistoryService did before: read, parse, validate, index; the window waited for it.
  const rooms = await (async () => {
    const upgraded = upgradeHistoryFile(JSON.parse((await readFile(path)).toString('utf8')));
    if (!upgraded.ok) throw new Error(upgraded.reason);
    return new Map(upgraded.file.rooms.map((room) => [room.roomCode, room]));
  })();
  const index = new HistoryIndex([...rooms.values()].map(toIndexEntry));
  const openMs = performance.now() - started;
  const openBlockMs = await probe.stop();
  const memoryOpen = heapMb();

  let tick = 0;
  const save = () => writeFileAtomic(path, serializeHistory([...rooms.values()]));
  const append = async () => {
    tick += 1;
    const room = [...rooms.values()][tick % roomCount]!;
    rooms.set(room.roomCode, withSnapshot(room, toDetailSnapshot(summaryFor(room, tick)), 50));
    await save();
  };
  const note = async () => {
    tick += 1;
    const room = [...rooms.values()][tick % roomCount]!;
    rooms.set(room.roomCode, { ...room, listing: { ...room.listing, notes: `note ${tick}` } });
    await save();
  };
  const firstWrite = blockProbe();
  await append();
  const firstWriteBlockMs = await firstWrite.stop();
  const appends = await perWrite(append);
  const notes = await perWrite(note);
  const search = await searchTimes((query) => index.query(query), roomCount);
  rooms.clear();
  index.clear();
  // Memory the open history held: measured open, then again once it is released.
  const memoryMb = memoryOpen - heapMb();
  return {
    rooms: roomCount,
    engine: 'before',
    bytesPerAppend: appends.bytes,
    bytesPerNote: notes.bytes,
    appendMs: appends.ms,
    noteMs: notes.ms,
    openBlockMs,
    firstWriteBlockMs,
    openMs,
    // The window waited for the whole load before.
    windowMs: (await timeUntilWindow(0)) + openMs,
    memoryMb,
    ...search,
  };
}

async function measureNow(roomCount: number, dir: string): Promise<Row> {
  rmSync(join(dir, HISTORY_FILE_NAME), { force: true });
  writeFileSync(join(dir, JOURNAL_FILE_NAME), Buffer.concat(encodeJournal(generateRooms(roomCount))));
  heapMb(); // start from a collected heap, as an app does at launch
  const probe = blockProbe();
  const started = performance.now();
  let history: HistoryService = createHistoryService({ dir });
  const released = async () => {
    history = null as never;
    return heapMb();
  };
  await history.ready;
  const openMs = performance.now() - started;
  const openBlockMs = await probe.stop();
  const memoryOpen = heapMb();
  if (history.stats().rooms !== roomCount) throw new Error('the journal lost rooms');

  let tick = 0;
  const codeAt = (position: number) => `R-${String(position % roomCount).padStart(5, '0')}`;
  const append = async () => {
    tick += 1;
    const position = (tick * 7919) % roomCount;
    const code = codeAt(position);
    await history.recordSnapshot(
      profileFor(position),
      summaryFor({ roomCode: code, roomLink: `https://live.realsee.ai/room/${code}` }, tick),
    );
  };
  const note = async () => {
    tick += 1;
    const position = (tick * 104_729) % roomCount;
    await history.updateNotes({ profileId: profileFor(position), roomCode: codeAt(position) }, `note ${tick}`);
  };
  const firstWrite = blockProbe();
  await append();
  const firstWriteBlockMs = await firstWrite.stop();
  const appends = await perWrite(append);
  const notes = await perWrite(note);
  const search = await searchTimes((query) => history.query(query), roomCount);
  await history.close();
  const memoryMb = memoryOpen - (await released());
  return {
    rooms: roomCount,
    engine: 'now',
    bytesPerAppend: appends.bytes,
    bytesPerNote: notes.bytes,
    appendMs: appends.ms,
    noteMs: notes.ms,
    openBlockMs,
    firstWriteBlockMs,
    openMs,
    windowMs: await timeUntilWindow(roomCount, dir),
    memoryMb,
    ...search,
  };
}

/** Compaction copies the live lines to a new file; it runs when dead lines outweigh live ones. */
async function measureCompaction(roomCount: number, dir: string): Promise<void> {
  const { store } = await HistoryStore.open({ dir, now: Date.now, summarize: () => null });
  const size = store.fileBytes;
  const probe = blockProbe();
  const started = performance.now();
  await store.compact();
  const ms = performance.now() - started;
  const block = await probe.stop();
  await store.close();
  console.log(
    `  compaction at ${roomCount.toLocaleString('en')} rooms: ${(size / 1024 / 1024).toFixed(1)} MB in ${ms.toFixed(0)} ms, longest block ${block.toFixed(1)} ms ` +
      `(runs once the file is over 8 MB and twice its live size: amortised ≈ one extra copy of each appended line)`,
  );
}

/** createAppServices until it resolves and the event loop is free for the window's first task. */
async function timeUntilWindow(roomCount: number, fromDir?: string): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'roomdesk-history-window-'));
  try {
    if (fromDir !== undefined && roomCount > 0)
      writeFileSync(join(dataDir, JOURNAL_FILE_NAME), readFileSync(join(fromDir, JOURNAL_FILE_NAME)));
    const secrets = new SecretRegistry();
    const times: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      let services!: Awaited<ReturnType<typeof createAppServices>>;
      times.push(
        await busyMs(async () => {
          services = await createAppServices({
            dataDir,
            profileStore: new Conf({ cwd: dataDir, configName: 'profiles', projectName: 'roomdesk-bench' }),
            vault: { get: async () => null, set: async () => undefined, delete: async () => false },
            sandbox: null,
            logger: createLogger(() => undefined, secrets),
            secrets,
            appVersion: 'bench',
            platform: process.platform,
            chooseExportPath: async () => null,
            emit: () => undefined,
          });
          await new Promise((resolve) => setTimeout(resolve, 0));
        }),
      );
      await services.history.ready;
      await services.dispose();
    }
    return medianOf(times);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Median bytes written and time of WRITES runs of `write`. */
async function perWrite(write: () => Promise<unknown>): Promise<{ bytes: number; ms: number }> {
  const bytes: number[] = [];
  const times: number[] = [];
  for (let run = 0; run < WRITES; run += 1) {
    const written = bytesWritten();
    const started = performance.now();
    await write();
    times.push(performance.now() - started);
    bytes.push(bytesWritten() - written);
  }
  return { bytes: medianOf(bytes), ms: medianOf(times) };
}

async function searchTimes(
  query: (query: HistoryQuery) => unknown,
  roomCount: number,
): Promise<{ searchMedianMs: number; searchMaxMs: number }> {
  const start = Date.UTC(2024, 0, 1);
  const queries: HistoryQuery[] = [
    { text: '浦东', sort: 'newest', offset: 0, limit: 50 },
    { text: '静安区 两居室', sort: 'oldest', offset: 0, limit: 50 },
    { text: 'R-00042', sort: 'newest', offset: 0, limit: 50 },
    { text: 'smith', sort: 'newest', offset: 0, limit: 50 },
    { text: '王女士', status: 2, sort: 'newest', offset: 0, limit: 50 },
    { text: 'no such text anywhere', sort: 'newest', offset: 0, limit: 50 },
    { profileId: 'china', sort: 'newest', offset: 100, limit: 50 },
    { from: start, to: start + (roomCount / 2) * 3_600_000, sort: 'oldest', offset: 0, limit: 50 },
  ];
  const perQuery: number[] = [];
  let worst = 0;
  for (const one of queries) {
    const times: number[] = [];
    for (let run = 0; run < SEARCH_REPEATS; run += 1) {
      times.push(await busyMs(() => query(one)));
    }
    perQuery.push(medianOf(times));
    worst = Math.max(worst, ...times);
  }
  return { searchMedianMs: medianOf(perQuery), searchMaxMs: worst };
}

/** Bytes this process handed to write(2) so far (Linux), else 0 (then the figures read 0). */
function bytesWritten(): number {
  if (!existsSync('/proc/self/io')) return 0;
  const match = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
  return match ? Number(match[1]) : 0;
}

/**
 * How long main was blocked: the longest gap between two ticks of a 1 ms interval, minus the
 * interval. On a busy machine the OS also takes the CPU away from this process for tens of ms, so
 * a gap counts only the CPU time this process used in it (what its own work cost).
 */
function blockProbe(): { stop(): Promise<number> } {
  let last = performance.now();
  let lastCpu = cpuMs();
  let longest = 0;
  const timer = setInterval(() => {
    const at = performance.now();
    const cpu = cpuMs();
    longest = Math.max(longest, Math.min(at - last - 1, cpu - lastCpu));
    last = at;
    lastCpu = cpu;
  }, 1);
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 5));
      clearInterval(timer);
      return Math.max(0, longest);
    },
  };
}

/**
 * How long `task` took: wall time, but at most the CPU time this process used meanwhile, so time
 * the OS gave to other processes on a loaded machine is not counted as ours.
 */
async function busyMs(task: () => unknown): Promise<number> {
  const started = performance.now();
  const cpu = cpuMs();
  await task();
  return Math.min(performance.now() - started, cpuMs() - cpu);
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function heapMb(): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.external) / 1024 / 1024;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function printRow(row: Row, emptyWindow: number): void {
  console.log(
    `  ${row.rooms.toLocaleString('en').padStart(6)} rooms ${row.engine.padEnd(6)} ` +
      `append ${kb(row.bytesPerAppend)} in ${row.appendMs.toFixed(2)} ms, note ${kb(row.bytesPerNote)} in ${row.noteMs.toFixed(2)} ms; ` +
      `open ${row.openMs.toFixed(0)} ms (longest block ${row.openBlockMs.toFixed(1)} ms), first write block ${row.firstWriteBlockMs.toFixed(1)} ms; ` +
      `window ${(row.windowMs / emptyWindow).toFixed(2)}×; memory +${row.memoryMb.toFixed(1)} MB; search ${row.searchMedianMs.toFixed(2)} / max ${row.searchMaxMs.toFixed(2)} ms`,
  );
}

function printTable(rows: Row[], emptyWindow: number): void {
  const head = [
    'rooms',
    'store',
    'B/append',
    'B/note',
    'append ms',
    'open block ms',
    '1st write block ms',
    'window ×empty',
    'memory MB',
    'search med/max ms',
  ];
  const check = (ok: boolean) => (ok ? '' : ' !');
  console.log(
    `\n  targets at 30k: ≤ ${kb(TARGETS.bytesPerChange)} per change and flat; blocks ≤ ${TARGETS.blockMs} ms; window ≤ ${TARGETS.windowRatio}×; memory ≤ +${TARGETS.memoryMb} MB; search ≤ ${TARGETS.searchMs} ms ("!" marks a miss)`,
  );
  console.log(
    `  empty history: window can show after ${emptyWindow.toFixed(1)} ms. On so small a base a scheduler hiccup moves the ratio; ` +
      'the journal lets at most one 64 KB chunk of loading run before the window, whatever the size.',
  );
  console.log(`  | ${head.join(' | ')} |`);
  console.log(`  |${head.map(() => '---').join('|')}|`);
  for (const row of rows) {
    const cells = [
      row.rooms.toLocaleString('en'),
      row.engine,
      `${row.bytesPerAppend.toLocaleString('en')}${check(row.bytesPerAppend <= TARGETS.bytesPerChange)}`,
      `${row.bytesPerNote.toLocaleString('en')}${check(row.bytesPerNote <= TARGETS.bytesPerChange)}`,
      row.appendMs.toFixed(2),
      `${row.openBlockMs.toFixed(1)}${check(row.openBlockMs <= TARGETS.blockMs)}`,
      `${row.firstWriteBlockMs.toFixed(1)}${check(row.firstWriteBlockMs <= TARGETS.blockMs)}`,
      `${(row.windowMs / emptyWindow).toFixed(2)}${check(row.windowMs / emptyWindow <= TARGETS.windowRatio)} (${row.windowMs.toFixed(1)} ms)`,
      `+${row.memoryMb.toFixed(1)}${check(row.memoryMb <= TARGETS.memoryMb)}`,
      `${row.searchMedianMs.toFixed(2)} / ${row.searchMaxMs.toFixed(2)}${check(row.searchMaxMs <= TARGETS.searchMs)}`,
    ];
    console.log(`  | ${cells.join(' | ')} |`);
  }
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;
}

const districts = ['静安区', '浦东新区', '徐汇区', '朝阳区', 'Brooklyn', 'Queens'];
const layouts = ['两居室', '三居室', 'Loft', 'Studio'];
const guestNames = ['王女士', '李先生', 'Mr. Smith', 'Ms. Jones', '张三'];

function profileFor(index: number): string {
  return index % 3 === 0 ? 'global' : 'china';
}

export function generateRooms(count: number): HistoryRoom[] {
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, index): HistoryRoom => {
    const createdAt = start + index * 3_600_000;
    const roomCode = `R-${String(index).padStart(5, '0')}`;
    const district = districts[index % districts.length]!;
    const guest = guestNames[index % guestNames.length]!;
    const snapshots = Array.from({ length: SNAPSHOTS_PER_ROOM }, (_, step) => ({
      at: createdAt + step * 60_000,
      status: step === SNAPSHOTS_PER_ROOM - 1 ? 2 : 1,
      participants: [
        // Realsee's UserStatus: 0 normal, 1 removed.
        { id: 'agent-7', role: 'anchor', status: 0, nickname: 'Agent Seven' },
        ...(step > 0 ? [{ id: `guest-${index}`, role: 'audience', status: 0, nickname: guest }] : []),
        ...(step > 1 ? [{ id: `guest-${index}-b`, role: 'audience', status: step > 2 ? 1 : 0, nickname: '家属' }] : []),
      ],
      limits: {
        maxUserCount: 6,
        maxUsingTime: 7200,
        ticketValidateTime: 300,
        keepAliveTime: 60,
        allowDynamicEnter: true,
        autoDestroy: false,
      },
      voiceId: 100_000 + index,
      closeTime: step === SNAPSHOTS_PER_ROOM - 1 ? toRealseeTimeText(createdAt + 3_600_000, 'Asia/Shanghai') : null,
    }));
    return {
      profileId: profileFor(index),
      roomCode,
      roomLink: `https://live.realsee.ai/room/${roomCode}`,
      creatorUserId: 'agent-7',
      createdAt,
      listing: {
        title: `${district}${layouts[index % layouts.length]} ${index}`,
        address: `${district} 南京西路 ${index} 号`,
        vr: `80${String(index).padStart(16, '0')}`,
        ...(index % 4 === 0 ? { notes: '客户关心学区和采光，周末再约一次。' } : {}),
      },
      guests: [
        { userId: `guest-${index}`, role: 'audience', nickname: guest },
        { userId: `guest-${index}-b`, role: 'audience', nickname: '家属' },
      ],
      snapshots,
      timeline: [
        { type: 'created', at: createdAt },
        { type: 'joined-as-host', at: createdAt + 1000, userId: 'agent-7' },
        {
          type: 'guest-pass-issued',
          at: createdAt + 2000,
          userId: `guest-${index}`,
          role: 'audience',
          nickname: guest,
          expiresAt: createdAt + 302_000,
        },
        { type: 'room-closed', at: createdAt + 3_600_000 },
      ],
      lastSyncedAt: createdAt + (SNAPSHOTS_PER_ROOM - 1) * 60_000,
    };
  });
}

/** A details answer with one new participant: a real change, so every append writes. */
function summaryFor(room: Pick<HistoryRoom, 'roomCode' | 'roomLink'>, tick: number): RoomSummary {
  return {
    roomCode: room.roomCode,
    roomLink: room.roomLink,
    status: 1,
    createTime: null,
    modifyTime: null,
    closeTime: null,
    creator: { userId: 'agent-7', nickname: null, avatar: null },
    voiceId: 9,
    participants: [{ userId: `late-${tick}`, role: 'audience', status: 1, nickname: null, avatar: null, joinedAt: null }],
    limits: {
      maxUserCount: 6,
      maxUsingTime: 7200,
      ticketValidateTime: 300,
      keepAliveTime: 60,
      allowDynamicEnter: true,
      autoDestroy: false,
    },
    vrAllowHosts: [],
    fetchedAt: Date.now(),
    timeZone: 'Asia/Shanghai',
  };
}
