// Room history: file size, load + validate vs a raw JSON.parse of the same file, search time per
// query, and appending one snapshot vs a raw atomic write of the same file — at 1,000 and 10,000
// rooms with 5 snapshots each. The same figures through conf (what electron-store is built on)
// show why the history keeps its own file module.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Conf from 'conf';
import type { HistoryQuery, HistoryRoom } from '../../common/history';
import type { RoomSummary } from '../../common/room';
import { writeFileAtomic } from '../../main/history/atomic-file';
import { HISTORY_FILE_NAME, openHistoryFile, serializeHistory } from '../../main/history/history-file';
import { createHistoryService } from '../../main/history/history-service';

const SIZES = [1_000, 10_000];
const SNAPSHOTS_PER_ROOM = 5;
const LOAD_RUNS = 5;
const APPEND_RUNS = 9;
const APPEND_WARM_UP = 3;
const SEARCH_REPEATS = 5;
const LOAD_TARGET_RATIO = 3;
const SEARCH_TARGET_MS = 16;

export default {
  title: 'Room history',
  async run(): Promise<void> {
    for (const size of SIZES) {
      const dir = mkdtempSync(join(tmpdir(), 'roomdesk-history-bench-'));
      try {
        await measure(size, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  },
};

async function measure(roomCount: number, dir: string): Promise<void> {
  const rooms = generateRooms(roomCount);
  const path = join(dir, HISTORY_FILE_NAME);
  const text = Buffer.concat(serializeHistory(rooms));
  writeFileSync(path, text);
  const bytes = statSync(path).size;
  console.log(`\n${roomCount.toLocaleString('en')} rooms × ${SNAPSHOTS_PER_ROOM} snapshots: file ${(bytes / 1024 / 1024).toFixed(1)} MB`);

  const rawParse = await time(LOAD_RUNS, () => JSON.parse(readFileSync(path, 'utf8')));
  const load = await time(LOAD_RUNS, async () => {
    const loaded = await openHistoryFile({ dir, now: Date.now }).load();
    if (loaded.rooms.length !== roomCount) throw new Error('load lost rooms');
  });
  const serviceOpen = await time(LOAD_RUNS, () => createHistoryService({ dir }));
  timedRow('raw readFile + JSON.parse', rawParse);
  timedRow('load + validate (history file)', load, rawParse, `(target ≤ ${LOAD_TARGET_RATIO})`);
  timedRow('open service (load + search index)', serviceOpen, rawParse);

  const history = await createHistoryService({ dir });
  const queries: HistoryQuery[] = [
    { text: '浦东', sort: 'newest', offset: 0, limit: 50 },
    { text: '静安区 两居室', sort: 'oldest', offset: 0, limit: 50 },
    { text: 'R-00042', sort: 'newest', offset: 0, limit: 50 },
    { text: 'smith', sort: 'newest', offset: 0, limit: 50 },
    { text: '王女士', status: 2, sort: 'newest', offset: 0, limit: 50 },
    { text: 'no such text anywhere', sort: 'newest', offset: 0, limit: 50 },
    { profileId: 'china', sort: 'newest', offset: 100, limit: 50 },
    { from: rooms[0]!.createdAt, to: rooms[Math.floor(roomCount / 2)]!.createdAt, sort: 'oldest', offset: 0, limit: 50 },
  ];
  const perQuery: number[] = [];
  for (const query of queries) perQuery.push(await median(SEARCH_REPEATS, async () => history.query(query)));
  row(
    `search, median of ${queries.length} queries`,
    medianOf(perQuery),
    `max ${Math.max(...perQuery).toFixed(2)} ms (target ≤ ${SEARCH_TARGET_MS} ms at 10k)`,
  );

  let tick = 0;
  const appendOne = async () => {
    tick += 1;
    await history.recordSnapshot('china', summaryFor(rooms[tick % roomCount]!, tick));
  };
  // The first write after opening encodes every room once; the figure is for the appends after it.
  await time(APPEND_WARM_UP, appendOne);
  const append = await time(APPEND_RUNS, appendOne);
  const currentBytes = readFileSync(path);
  const currentData: unknown = JSON.parse(currentBytes.toString('utf8'));
  const rawWrite = await time(APPEND_RUNS, () => writeFileAtomic(join(dir, 'raw.json'), currentBytes));
  const rawStringifyWrite = await time(APPEND_RUNS, () => writeFileAtomic(join(dir, 'raw.json'), JSON.stringify(currentData)));
  timedRow('raw atomic write of the bytes (temp+fsync+rename)', rawWrite);
  timedRow('raw stringify + atomic write', rawStringifyWrite);
  timedRow('append one snapshot (service) vs raw write', append, rawWrite);
  timedRow('append one snapshot vs stringify + write', append, rawStringifyWrite);

  await measureConf(dir, path, rawParse, rawStringifyWrite);
  console.log(`  load average during the run: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
}

/** The same file through conf: what electron-store would cost for the same data. */
async function measureConf(dir: string, path: string, rawParse: Timing, rawStringifyWrite: Timing): Promise<void> {
  copyFileSync(path, join(dir, 'conf-history.json'));
  const open = () =>
    new Conf<Record<string, unknown>>({
      cwd: dir,
      configName: 'conf-history',
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      serialize: (value) => JSON.stringify(value),
    });
  const confLoad = await time(LOAD_RUNS, () => {
    const conf = open();
    if (!Array.isArray(conf.store.rooms)) throw new Error('conf lost rooms');
  });
  timedRow('conf: construct + read store (no validation)', confLoad, rawParse);
  const conf = open();
  const data = structuredClone(conf.store);
  const confWrite = await time(APPEND_RUNS, () => {
    conf.store = data;
  });
  timedRow('conf: whole-store write vs stringify + write', confWrite, rawStringifyWrite);
}

function row(label: string, ms: number, note = ''): void {
  console.log(`  ${label.padEnd(46)} ${ms.toFixed(2).padStart(9)} ms  ${note}`);
}

function timedRow(label: string, timing: Timing, baseline?: Timing, note = ''): void {
  const ratios =
    baseline === undefined
      ? ''
      : `ratio ${(timing.wall / baseline.wall).toFixed(2)} wall, ${(timing.cpu / baseline.cpu).toFixed(2)} CPU`;
  console.log(
    `  ${label.padEnd(46)} ${timing.wall.toFixed(2).padStart(9)} ms (CPU ${timing.cpu.toFixed(1)} ms)  ${ratios}${note ? `  ${note}` : ''}`,
  );
}

/** Wall time and this process's CPU time (less disturbed by other load on the machine), ms. */
interface Timing {
  wall: number;
  cpu: number;
}

async function time(runs: number, task: () => Promise<unknown> | void): Promise<Timing> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await task();
    walls.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { wall: medianOf(walls), cpu: medianOf(cpus) };
}

async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  return (await time(runs, task)).wall;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const districts = ['静安区', '浦东新区', '徐汇区', '朝阳区', 'Brooklyn', 'Queens'];
const layouts = ['两居室', '三居室', 'Loft', 'Studio'];
const guestNames = ['王女士', '李先生', 'Mr. Smith', 'Ms. Jones', '张三'];

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
        { id: 'agent-7', role: 'anchor', status: 1, nickname: 'Agent Seven' },
        ...(step > 0 ? [{ id: `guest-${index}`, role: 'audience', status: 1, nickname: guest }] : []),
        ...(step > 1 ? [{ id: `guest-${index}-b`, role: 'audience', status: step > 2 ? 0 : 1, nickname: '家属' }] : []),
      ],
      limits: { maxUserCount: 6, maxUsingTime: 7200, ticketValidateTime: 300, keepAliveTime: 60, allowDynamicEnter: true, autoDestroy: false },
      voiceId: 100_000 + index,
      closeTime: step === SNAPSHOTS_PER_ROOM - 1 ? new Date(createdAt + 3_600_000).toISOString() : null,
    }));
    return {
      profileId: index % 3 === 0 ? 'global' : 'china',
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
        { type: 'guest-pass-issued', at: createdAt + 2000, userId: `guest-${index}`, role: 'audience', nickname: guest, expiresAt: createdAt + 302_000 },
        { type: 'room-closed', at: createdAt + 3_600_000 },
      ],
      lastSyncedAt: createdAt + (SNAPSHOTS_PER_ROOM - 1) * 60_000,
    };
  });
}

function summaryFor(room: HistoryRoom, tick: number): RoomSummary {
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
    limits: { maxUserCount: 6, maxUsingTime: 7200, ticketValidateTime: 300, keepAliveTime: 60, allowDynamicEnter: true, autoDestroy: false },
    vrAllowHosts: [],
    fetchedAt: Date.now(),
    timeZone: 'Asia/Shanghai',
  };
}
