import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryService } from '../../../main/history/history-service';
import { HISTORY_FILE_NAME } from '../../../main/history/history-file';
import { makeTempDir, manualClock } from './fixtures';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const historyPath = () => join(temp.dir, HISTORY_FILE_NAME);
const readHistoryJson = () => JSON.parse(readFileSync(historyPath(), 'utf8')) as { version: number; rooms: unknown[] };

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

    const room = history.get('OLD-1');
    expect(room.listing).toEqual({ title: '静安区两居室', address: '上海市静安区南京西路 1 号', notes: '客户想看朝南的房间' });
    expect(room.timeline).toEqual([{ type: 'created', at: Date.UTC(2025, 0, 2) }]);
    expect(room.roomLink).toBe('https://live.realsee.ai/room/OLD-1');

    const onDisk = readHistoryJson();
    expect(onDisk.version).toBe(2);
    expect(JSON.stringify(onDisk)).not.toContain('LEFT-OVER-TICKET');
    expect(onDisk.rooms[0]).not.toHaveProperty('notes');
  });

  it('opens the migrated file afterwards without migrating again', async () => {
    writeFileSync(historyPath(), JSON.stringify(v1File));
    await createHistoryService({ dir: temp.dir });
    const again = await createHistoryService({ dir: temp.dir });
    expect(again.startupReport).toBeNull();
    expect(again.get('OLD-1').listing.notes).toBe('客户想看朝南的房间');
    expect(readdirSync(temp.dir).filter((name) => name.includes('backup'))).toHaveLength(1);
  });
});

describe('a file that cannot be used is quarantined', () => {
  const cases: [string, string, RegExp][] = [
    ['bad JSON', '{"version": 2, "rooms": [', /not valid JSON/],
    ['valid JSON failing the schema', JSON.stringify({ version: 2, rooms: [{ roomCode: 'X' }] }), /does not match the history format/],
    ['a room carrying an undeclared field', JSON.stringify({ version: 2, rooms: [{ ...minimalRoom(), ticket: 'T' }] }), /ticket/],
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
    expect(readHistoryJson().rooms).toHaveLength(1);
    expect(readFileSync(movedTo, 'utf8')).toBe(content);
  });

  it('does not overwrite an earlier quarantined file', async () => {
    const clock = manualClock();
    writeFileSync(historyPath(), 'first broken');
    await createHistoryService({ dir: temp.dir, now: clock.now });
    writeFileSync(historyPath(), 'second broken');
    const second = await createHistoryService({ dir: temp.dir, now: clock.now });
    expect(second.startupReport?.movedTo).toMatch(/-2\.json$/);
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
    const file = JSON.parse(readFileSync(join(temp.dir, 'nested', 'userData', HISTORY_FILE_NAME), 'utf8'));
    expect(file).toMatchObject({ version: 2, rooms: [{ roomCode: 'A' }] });
  });

  it('removes temporary files a killed write left behind', async () => {
    writeFileSync(join(temp.dir, `${HISTORY_FILE_NAME}.1234.1.tmp`), '{"half');
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
