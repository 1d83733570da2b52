import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryRoom } from '../../../common/history';
import { HISTORY_FILE_NAME, serializeHistory } from '../../../main/history/history-file';
import { JOURNAL_FILE_NAME } from '../../../main/history/history-store';
import { journalRooms, journalText, makeTempDir, manualClock, openHistory } from './fixtures';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const historyPath = () => join(temp.dir, HISTORY_FILE_NAME);
const journalPath = () => join(temp.dir, JOURNAL_FILE_NAME);
const createHistoryService = openHistory;

const v1File = {
  version: 1,
  rooms: [
    {
      profileId: 'sandbox',
      roomCode: 'OLD-1',
      roomLink: 'https://live.realsee.ai/room/OLD-1?ticket=LEFT-OVER-TICKET',
      creatorUserId: 'agent-1',
      createdAt: Date.UTC(2025, 0, 2),
      notes: '客户想看朝南的房间',
      listing: { title: '静安区两居室', address: '上海市静安区南京西路 1 号' },
      guests: [{ userId: 'guest-1', role: 'audience', nickname: '王女士' }],
      snapshots: [],
      lastSyncedAt: null,
    },
  ],
};

describe('migration from version 1', () => {
  it('backs up the old bytes, moves notes into the listing and adds a timeline', async () => {
    const oldBytes = `${JSON.stringify(v1File, null, 2)}\n`;
    writeFileSync(historyPath(), oldBytes);
    const clock = manualClock(Date.UTC(2026, 10, 25, 10, 0, 0));

    const history = await createHistoryService({ dir: temp.dir, now: clock.now });

    const report = history.startupReport;
    expect(report?.outcome).toBe('migrated');
    expect(report?.migratedFrom).toBe(1);
    expect(report?.problem).toBeUndefined();
    expect(report?.backupPath).toBe(join(temp.dir, 'history.v1.backup-2026-11-25T10-00-00-000Z.json'));
    expect(readFileSync(report!.backupPath!, 'utf8')).toBe(oldBytes);

    const room = await history.get('OLD-1');
    expect(room.listing).toEqual({ title: '静安区两居室', address: '上海市静安区南京西路 1 号', notes: '客户想看朝南的房间' });
    expect(room.timeline).toEqual([{ type: 'created', at: Date.UTC(2025, 0, 2) }]);
    expect(room.roomLink).toBe('https://live.realsee.ai/room/OLD-1');

    const onDisk = journalRooms(temp.dir);
    expect(onDisk).toHaveLength(1);
    expect(journalText(temp.dir)).not.toContain('LEFT-OVER-TICKET');
    expect(onDisk[0]).not.toHaveProperty('notes');
    expect(readdirSync(temp.dir)).not.toContain(HISTORY_FILE_NAME);
  });

  it('opens the migrated file afterwards without migrating again', async () => {
    writeFileSync(historyPath(), JSON.stringify(v1File));
    await createHistoryService({ dir: temp.dir });
    const again = await createHistoryService({ dir: temp.dir });
    expect(again.startupReport).toBeNull();
    expect((await again.get('OLD-1')).listing.notes).toBe('客户想看朝南的房间');
    expect(readdirSync(temp.dir).filter((name) => name.includes('backup'))).toHaveLength(1);
  });
});

describe('an old file that cannot be used is quarantined', () => {
  const cases: [string, string, RegExp][] = [
    ['bad JSON', '{"version": 2, "rooms": [', /not valid JSON/],
    ['a future version', JSON.stringify({ version: 99, rooms: [] }), /newer Roomdesk/],
    ['no version at all', JSON.stringify([1, 2, 3]), /no version/],
  ];

  it.each(cases)('%s: moved aside, reported, history starts empty', async (_label, content, reason) => {
    writeFileSync(historyPath(), content);
    const clock = manualClock(Date.UTC(2026, 10, 25, 11, 30, 0));

    const history = await createHistoryService({ dir: temp.dir, now: clock.now });

    const report = history.startupReport;
    const movedTo = join(temp.dir, 'history.corrupt-2026-11-25T11-30-00-000Z.json');
    expect(report?.outcome).toBe('quarantined');
    expect(report?.problem?.kind).toBe('storage');
    expect(report?.problem?.message).toMatch(reason);
    expect(report?.problem?.message).toContain(movedTo);
    expect(report?.movedTo).toBe(movedTo);
    expect(readFileSync(movedTo, 'utf8')).toBe(content);
    expect(history.stats().rooms).toBe(0);

    await history.recordCreated({ profileId: 'sandbox', roomCode: 'NEW-1', roomLink: 'https://x.test/r', creatorUserId: 'a' });
    expect(journalRooms(temp.dir)).toHaveLength(1);
    expect(readFileSync(movedTo, 'utf8')).toBe(content);
  });

  it('does not overwrite an earlier quarantined file', async () => {
    const clock = manualClock();
    writeFileSync(journalPath(), 'first broken');
    await createHistoryService({ dir: temp.dir, now: clock.now });
    writeFileSync(journalPath(), 'second broken');
    const second = await createHistoryService({ dir: temp.dir, now: clock.now });
    expect(second.startupReport?.movedTo).toMatch(/-2\.jsonl$/);
    const kept = readdirSync(temp.dir)
      .filter((name) => name.startsWith('history.corrupt-'))
      .map((name) => readFileSync(join(temp.dir, name), 'utf8'))
      .sort();
    expect(kept).toEqual(['first broken', 'second broken']);
  });
});

describe('opening', () => {
  it('reports nothing for a missing file and creates it on the first change', async () => {
    const history = await createHistoryService({ dir: join(temp.dir, 'nested', 'userData') });
    expect(history.startupReport).toBeNull();
    await history.recordCreated({ profileId: 'p', roomCode: 'A', roomLink: 'https://x.test/a', creatorUserId: null });
    expect(journalRooms(join(temp.dir, 'nested', 'userData')).map((room) => room.roomCode)).toEqual(['A']);
  });

  it('removes temporary files a killed write or compaction left behind', async () => {
    writeFileSync(join(temp.dir, `${JOURNAL_FILE_NAME}.1234.1.tmp`), '{"half');
    writeFileSync(join(temp.dir, `${JOURNAL_FILE_NAME}.compact.tmp`), '{"half');
    await createHistoryService({ dir: temp.dir });
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

function minimalRoom() {
  return {
    profileId: 'p',
    roomCode: 'R',
    roomLink: 'https://x.test/r',
    creatorUserId: null,
    createdAt: 1,
    listing: {},
    guests: [],
    snapshots: [],
    timeline: [],
    lastSyncedAt: null,
  };
}

describe('migration from version 2', () => {
  it('moves 10,000 rooms into the journal after a byte-exact backup, setting aside only the bad ones', async () => {
    const rooms = Array.from({ length: 10_000 }, (_, index) => ({ ...minimalRoom(), roomCode: `R-${index}`, createdAt: 1 + index }));
    const broken = [
      { ...minimalRoom(), roomCode: 'BAD-TICKET', ticket: 'T' },
      { ...minimalRoom(), roomCode: '../etc/passwd' },
      { roomCode: 'NO-FIELDS' },
    ];
    const bytes = Buffer.concat(serializeHistory([...rooms, ...broken] as HistoryRoom[]));
    writeFileSync(historyPath(), bytes);
    const clock = manualClock(Date.UTC(2026, 10, 25, 10, 0, 0));

    const history = await createHistoryService({ dir: temp.dir, now: clock.now });

    const report = history.startupReport!;
    expect(report).toMatchObject({ outcome: 'migrated', migratedFrom: 2, roomCount: 10_000, setAsideCount: 3 });
    expect(readFileSync(report.backupPath!).equals(bytes)).toBe(true);
    expect(report.problem?.message).toContain(report.movedTo);
    const setAside = readFileSync(report.movedTo!, 'utf8').trim().split('\n');
    expect(setAside.map((line) => JSON.parse(line).roomCode)).toEqual(['BAD-TICKET', '../etc/passwd', 'NO-FIELDS']);
    expect(history.stats().rooms).toBe(10_000);
    expect((await history.get('R-9999')).createdAt).toBe(10_000);
    expect((await history.query({ text: 'r-4242', sort: 'newest', offset: 0, limit: 10 })).total).toBe(1);

    const again = await createHistoryService({ dir: temp.dir, now: clock.now });
    expect(again.startupReport).toBeNull();
    expect(again.stats().rooms).toBe(10_000);
  }, 60_000);

  it('caps an oversized nickname in an old snapshot instead of losing the room', async () => {
    const snapshot = {
      at: 5,
      status: 1,
      participants: [{ id: 'g', role: 'audience', status: 1, nickname: 'x'.repeat(100_000) }],
      limits: {
        maxUserCount: null,
        maxUsingTime: null,
        ticketValidateTime: null,
        keepAliveTime: null,
        allowDynamicEnter: null,
        autoDestroy: null,
      },
      voiceId: null,
      closeTime: null,
    };
    writeFileSync(historyPath(), JSON.stringify({ version: 2, rooms: [{ ...minimalRoom(), snapshots: [snapshot] }] }));
    const history = await createHistoryService({ dir: temp.dir });
    const room = await history.get('R');
    expect(room.snapshots[0]!.participants[0]!.nickname).toHaveLength(256);
  });
});

describe('an unreadable record in the journal', () => {
  it('is set aside on its own with a report; every other room stays', async () => {
    const clock = manualClock(Date.UTC(2026, 10, 25, 12, 0, 0));
    const history = await createHistoryService({ dir: temp.dir, now: clock.now });
    for (const code of ['A', 'B', 'C']) {
      await history.recordCreated({ profileId: 'p', roomCode: code, roomLink: `https://x.test/${code}`, creatorUserId: null });
    }
    await history.close();
    const lines = journalText(temp.dir).split('\n');
    lines[2] = lines[2]!.replace('"roomCode":"B"', '"roomCode":"B","ticket":"T"');
    writeFileSync(journalPath(), lines.join('\n'));
    appendFileSync(journalPath(), '{"op":"put","room":{"trunc');

    const reopened = await createHistoryService({ dir: temp.dir, now: clock.now });

    const report = reopened.startupReport!;
    expect(report).toMatchObject({ outcome: 'set-aside', setAsideCount: 1, roomCount: 2, writable: true });
    expect(report.movedTo).toBe(join(temp.dir, 'history.set-aside-2026-11-25T12-00-00-000Z.jsonl'));
    expect(readFileSync(report.movedTo!, 'utf8')).toContain('"roomCode":"B","ticket":"T"');
    expect((await reopened.query({ sort: 'oldest', offset: 0, limit: 10 })).items.map((item) => item.roomCode)).toEqual(['A', 'C']);
    // The torn last line (a write that never finished) is cut off, not reported; the bad one left the journal.
    expect(journalText(temp.dir)).not.toContain('trunc');
    expect(journalText(temp.dir)).not.toContain('ticket');
    await reopened.close();
    expect((await createHistoryService({ dir: temp.dir })).startupReport).toBeNull();
  });

  it('a journal from a newer version is moved aside whole and a new one started', async () => {
    writeFileSync(journalPath(), '{"format":"roomdesk-history","version":99}\n');
    const history = await createHistoryService({ dir: temp.dir, now: manualClock().now });
    expect(history.startupReport).toMatchObject({ outcome: 'quarantined', problem: { message: expect.stringMatching(/newer Roomdesk/) } });
    expect(readFileSync(history.startupReport!.movedTo!, 'utf8')).toContain('"version":99');
    await history.recordCreated({ profileId: 'p', roomCode: 'N', roomLink: 'https://x.test/n', creatorUserId: null });
    expect(journalRooms(temp.dir)).toHaveLength(1);
  });
});
