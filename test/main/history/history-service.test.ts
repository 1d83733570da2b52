import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryQuery } from '../../../common/history';
import type { HistoryService } from '../../../main/history/history-service';
import { journalRooms, journalText, makeSummary, makeTempDir, manualClock, openHistory } from './fixtures';

let temp: ReturnType<typeof makeTempDir>;
let clock: ReturnType<typeof manualClock>;
let history: HistoryService;

beforeEach(async () => {
  temp = makeTempDir();
  clock = manualClock();
  history = await openHistory({ dir: temp.dir, now: clock.now });
});
afterEach(() => temp.remove());

const fileText = () => journalText(temp.dir);
const reopen = () => openHistory({ dir: temp.dir, now: clock.now });

describe('recording a room', () => {
  it('keeps what was created, strips the ticket from the link and survives a restart', async () => {
    await history.recordCreated({
      profileId: 'sandbox',
      roomCode: 'R-1001',
      roomLink: 'https://live.realsee.ai/room/R-1001?lang=zh&ticket=TICKET-123&force=1',
      creatorUserId: 'agent-7',
      listing: { title: '浦东新区三居室', address: '上海市浦东新区世纪大道 100 号', vr: '801234567890123456' },
      guests: [{ userId: 'guest-1', role: 'audience', nickname: '李先生' }],
    });

    const reopened = await reopen();
    const room = await reopened.get('R-1001');
    expect(room.roomLink).toBe('https://live.realsee.ai/room/R-1001?lang=zh');
    expect(room.createdAt).toBe(clock.now());
    expect(room.listing.title).toBe('浦东新区三居室');
    expect(room.guests).toEqual([{ userId: 'guest-1', role: 'audience', nickname: '李先生' }]);
    expect(room.timeline).toEqual([{ type: 'created', at: clock.now() }]);
  });

  it('refuses a guest carrying an undeclared field instead of storing it', async () => {
    const guest = { userId: 'g', role: 'audience', ticket: 'TICKET-IN-GUEST' } as never;
    await expect(
      history.recordCreated({ profileId: 'p', roomCode: 'R', roomLink: 'https://x.test', creatorUserId: null, guests: [guest] }),
    ).rejects.toMatchObject({ appError: { kind: 'validation' } });
    await expect(history.get('R')).rejects.toThrow(/not in the history/);
  });

  it('refuses an event carrying a ticket or signature field', async () => {
    await history.recordCreated({ profileId: 'p', roomCode: 'R', roomLink: 'https://x.test', creatorUserId: 'a' });
    const event = { type: 'guest-pass-issued', userId: 'g', role: 'audience', expiresAt: 1, ticket: 'T' } as never;
    await expect(history.recordEvent('R', event)).rejects.toMatchObject({ appError: { kind: 'validation' } });
    const voice = { type: 'voice-joined', userId: 'a', sign: 'SIG' } as never;
    await expect(history.recordEvent('R', voice)).rejects.toMatchObject({ appError: { kind: 'validation' } });
    expect((await history.get('R')).timeline).toHaveLength(1);
  });

  it('reports an unknown room as not-found', async () => {
    await expect(history.get('NOPE')).rejects.toThrow(
      expect.objectContaining({ appError: expect.objectContaining({ kind: 'not-found' }) }),
    );
    await expect(history.recordEvent('NOPE', { type: 'room-closed' })).rejects.toMatchObject({ appError: { kind: 'not-found' } });
    await expect(history.deleteRoom('NOPE')).rejects.toMatchObject({ appError: { kind: 'not-found' } });
  });
});

describe('detail snapshots', () => {
  beforeEach(async () => {
    await history.recordCreated({ profileId: 'sandbox', roomCode: 'R-1001', roomLink: 'https://x.test/r', creatorUserId: 'agent-7' });
  });

  it('skips a snapshot that differs only in fetch time but moves lastSyncedAt', async () => {
    await history.recordSnapshot('sandbox', makeSummary({ fetchedAt: 1000 }));
    await history.recordSnapshot('sandbox', makeSummary({ fetchedAt: 2000 }));
    const room = await history.recordSnapshot('sandbox', makeSummary({ fetchedAt: 3000 }));
    expect(room.snapshots.map((snapshot) => snapshot.at)).toEqual([1000]);
    expect(room.lastSyncedAt).toBe(3000);
  });

  it('keeps a snapshot when a participant changes and drops avatars', async () => {
    await history.recordSnapshot('sandbox', makeSummary({ fetchedAt: 1000 }));
    const joined = makeSummary({
      fetchedAt: 2000,
      participants: [
        ...makeSummary().participants,
        { userId: 'guest-1', role: 'audience', status: 1, nickname: '张三', avatar: null, joinedAt: null },
      ],
    });
    const room = await history.recordSnapshot('sandbox', joined);
    expect(room.snapshots).toHaveLength(2);
    expect(room.snapshots[1]?.participants[1]).toEqual({ id: 'guest-1', role: 'audience', status: 1, nickname: '张三' });
    expect(JSON.stringify(room)).not.toContain('cdn.example');
  });

  it('caps snapshots at the newest ones while keeping the first', async () => {
    const capped = await openHistory({ dir: join(temp.dir, 'capped'), now: clock.now, snapshotCap: 5 });
    for (let index = 0; index < 12; index += 1) {
      await capped.recordSnapshot('sandbox', makeSummary({ fetchedAt: 1000 + index, status: index }));
    }
    const statuses = (await capped.get('R-1001')).snapshots.map((snapshot) => snapshot.status);
    expect(statuses).toEqual([0, 8, 9, 10, 11]);
  });

  it('creates a record for a room fetched before it was recorded, with a scrubbed link', async () => {
    const room = await history.recordSnapshot(
      'china',
      makeSummary({
        roomCode: 'ELSEWHERE',
        roomLink: 'wss://ws-access.realsee.com/open/ELSEWHERE?open_app_id=9&ticket=TK',
        createTime: '2026-11-20T08:00:00Z',
      }),
    );
    expect(room.profileId).toBe('china');
    expect(room.roomLink).toBe('wss://ws-access.realsee.com/open/ELSEWHERE?open_app_id=9');
    expect(room.createdAt).toBe(Date.UTC(2026, 10, 20, 8));
  });
});

describe('timeline and notes', () => {
  it('lists events and refreshes in time order, and notes edits are kept', async () => {
    await history.recordCreated({ profileId: 'p', roomCode: 'R', roomLink: 'https://x.test/r', creatorUserId: 'agent' });
    clock.advance(1000);
    await history.recordEvent('R', { type: 'joined-as-host', userId: 'agent' });
    await history.recordSnapshot('p', makeSummary({ roomCode: 'R', fetchedAt: clock.now() + 500 }));
    clock.advance(2000);
    await history.recordEvent('R', {
      type: 'guest-pass-issued',
      userId: 'g1',
      role: 'audience',
      nickname: '王',
      expiresAt: clock.now() + 300_000,
    });
    clock.advance(1000);
    const room = await history.updateNotes('R', '客户关心学区');

    expect(room.listing.notes).toBe('客户关心学区');
    expect((await history.timeline('R')).map((entry) => entry.type)).toEqual([
      'created',
      'joined-as-host',
      'details-refreshed',
      'guest-pass-issued',
      'note-edited',
    ]);
    const cleared = await history.updateNotes('R', '   ');
    expect(cleared.listing).not.toHaveProperty('notes');
  });
});

describe('query', () => {
  const base: HistoryQuery = { sort: 'newest', offset: 0, limit: 50 };

  beforeEach(async () => {
    const rooms = [
      { roomCode: 'SH-001', title: '静安区两居室', address: '上海市静安区', guest: '王女士', profileId: 'china', status: 1 },
      { roomCode: 'SH-002', title: '浦东新区三居室', address: '上海市浦东新区', guest: 'Mr. Smith', profileId: 'china', status: 2 },
      { roomCode: 'NY-003', title: 'Brooklyn Loft', address: '12 Main St, New York', guest: '李先生', profileId: 'global', status: 1 },
      { roomCode: 'NY-004', title: 'Queens Studio', address: 'Queens, New York', guest: 'Ms. Jones', profileId: 'global', status: null },
    ];
    for (const room of rooms) {
      clock.advance(24 * 3600 * 1000);
      await history.recordCreated({
        profileId: room.profileId,
        roomCode: room.roomCode,
        roomLink: `https://x.test/${room.roomCode}`,
        creatorUserId: 'agent',
        listing: { title: room.title, address: room.address },
        guests: [{ userId: `id-${room.roomCode}`, role: 'audience', nickname: room.guest }],
      });
      if (room.status !== null) await history.recordSnapshot(room.profileId, makeSummary({ roomCode: room.roomCode, status: room.status }));
    }
    await history.updateNotes('NY-004', 'Client wants a ＧＡＲＤＥＮ view');
  });

  const codes = async (query: Partial<HistoryQuery>) => (await history.query({ ...base, ...query })).items.map((item) => item.roomCode);

  it('sorts by creation time both ways', async () => {
    expect(await codes({})).toEqual(['NY-004', 'NY-003', 'SH-002', 'SH-001']);
    expect(await codes({ sort: 'oldest' })).toEqual(['SH-001', 'SH-002', 'NY-003', 'NY-004']);
  });

  it('finds Chinese text in titles, addresses and guest names', async () => {
    expect(await codes({ text: '浦东' })).toEqual(['SH-002']);
    expect(await codes({ text: '上海市' })).toEqual(['SH-002', 'SH-001']);
    expect(await codes({ text: '李先生' })).toEqual(['NY-003']);
  });

  it('matches case-insensitively, every word, across code, guest id and notes (full-width too)', async () => {
    expect(await codes({ text: 'new YORK' })).toEqual(['NY-004', 'NY-003']);
    expect(await codes({ text: 'new york loft' })).toEqual(['NY-003']);
    expect(await codes({ text: 'sh-00' })).toEqual(['SH-002', 'SH-001']);
    expect(await codes({ text: 'id-ny-003' })).toEqual(['NY-003']);
    expect(await codes({ text: 'garden' })).toEqual(['NY-004']);
    expect(await codes({ text: 'nothing like this' })).toEqual([]);
  });

  it('filters by status, profile and date range, and pages with a total', async () => {
    expect(await codes({ status: 1 })).toEqual(['NY-003', 'SH-001']);
    expect(await codes({ status: null })).toEqual(['NY-004']);
    expect(await codes({ profileId: 'china' })).toEqual(['SH-002', 'SH-001']);
    const day = 24 * 3600 * 1000;
    const start = manualClock().now();
    expect(await codes({ from: start + 2 * day, to: start + 3 * day })).toEqual(['NY-003', 'SH-002']);
    const page = await history.query({ ...base, sort: 'oldest', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((item) => item.roomCode)).toEqual(['SH-002', 'NY-003']);
  });

  it('returns list items with the latest status and counts', async () => {
    const [item] = (await history.query({ ...base, text: 'SH-002' })).items;
    expect(item).toEqual({
      roomCode: 'SH-002',
      profileId: 'china',
      createdAt: expect.any(Number),
      title: '浦东新区三居室',
      address: '上海市浦东新区',
      status: 2,
      guestCount: 1,
      participantCount: 1,
      closeTime: null,
      lastSyncedAt: makeSummary().fetchedAt,
    });
  });

  it('rejects an invalid query', async () => {
    await expect(history.query({ ...base, limit: 0 })).rejects.toThrow(
      expect.objectContaining({ appError: expect.objectContaining({ kind: 'validation' }) }),
    );
  });

  it('deletes one room and clears all, on disk too', async () => {
    await history.deleteRoom('SH-001');
    expect(await codes({})).toEqual(['NY-004', 'NY-003', 'SH-002']);
    expect(fileText()).not.toContain('SH-001');
    expect((await reopen()).stats().rooms).toBe(3);

    await history.clearAll();
    expect(await history.query(base)).toEqual({ total: 0, items: [] });
    expect(journalRooms(temp.dir)).toEqual([]);
    expect(fileText().trim().split('\n')).toHaveLength(1);
    expect((await reopen()).stats().rooms).toBe(0);
  });

  it('reports stats', () => {
    const stats = history.stats();
    expect(stats.rooms).toBe(4);
    expect(stats.snapshots).toBe(3);
    expect(stats.events).toBe(5);
    expect(stats.fileBytes).toBe(Buffer.byteLength(fileText()));
    expect(stats.oldestCreatedAt).toBeLessThan(stats.newestCreatedAt!);
  });
});

describe('writes', () => {
  it('resolves every change of a burst only once it is on disk', async () => {
    await history.recordCreated({ profileId: 'p', roomCode: 'R', roomLink: 'https://x.test/r', creatorUserId: 'a' });
    const burst = Array.from({ length: 20 }, (_, index) =>
      history.recordEvent('R', { type: 'voice-joined', userId: `u${index}` }).then(() => {
        const [onDisk] = journalRooms(temp.dir);
        return onDisk!.timeline.some((event) => 'userId' in event && event.userId === `u${index}`);
      }),
    );
    expect(await Promise.all(burst)).toEqual(Array(20).fill(true));
    await history.close();
    expect((await (await reopen()).get('R')).timeline).toHaveLength(21);
  });
});
