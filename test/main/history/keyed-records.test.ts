import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roomDetailDataSchema } from '../../../main/realsee/schemas';
import { historyActivityRecorder } from '../../../main/history/activity-recorder';
import { createHistoryService, type HistoryService } from '../../../main/history/history-service';
import { JOURNAL_FILE_NAME } from '../../../main/history/history-store';
import { createRoomService } from '../../../main/rooms/room-service';
import type { ClientPool } from '../../../main/rooms/client-pool';
import { journalRooms, makeSummary, makeTempDir, manualClock, openHistory } from './fixtures';

let temp: ReturnType<typeof makeTempDir>;
let clock: ReturnType<typeof manualClock>;
let history: HistoryService;
beforeEach(async () => {
  temp = makeTempDir();
  clock = manualClock();
  history = await openHistory({ dir: temp.dir, now: clock.now });
});
afterEach(() => temp.remove());

const journalBytes = () => statSync(join(temp.dir, JOURNAL_FILE_NAME)).size;
const created = (profileId: string, roomCode: string, title = 't') =>
  history.recordCreated({ profileId, roomCode, roomLink: `https://x.test/${roomCode}`, creatorUserId: 'a', listing: { title } });

describe('records keyed by profile and room code', () => {
  it('keeps the same code under two profiles apart, and asks which one when only the code is given', async () => {
    await created('china', 'SAME', '上海');
    await created('global', 'SAME', 'New York');
    await history.updateNotes({ profileId: 'global', roomCode: 'SAME' }, 'only global');
    expect((await history.get({ profileId: 'china', roomCode: 'SAME' })).listing).toEqual({ title: '上海' });
    expect((await history.get({ profileId: 'global', roomCode: 'SAME' })).listing.notes).toBe('only global');
    await expect(history.get('SAME')).rejects.toMatchObject({
      appError: { kind: 'validation', message: expect.stringMatching(/2 profiles/) },
    });
    expect(history.ownerOf('SAME')).toBeNull();

    await history.deleteRoom({ profileId: 'china', roomCode: 'SAME' });
    expect(history.ownerOf('SAME')).toBe('global');
    expect((await history.get('SAME')).listing.title).toBe('New York');
    expect(journalRooms(temp.dir).map((room) => room.profileId)).toEqual(['global']);
  });

  it('treats a create answer that reuses a known code as an error and leaves the saved room alone', async () => {
    await created('china', 'R-1', 'original');
    await history.updateNotes('R-1', 'keep me');
    await expect(created('china', 'R-1', 'hijack')).rejects.toMatchObject({ appError: { kind: 'protocol' } });
    const room = await history.get('R-1');
    expect(room.listing).toEqual({ title: 'original', notes: 'keep me' });
  });

  it('refuses codes with path characters or separators before storing anything', async () => {
    for (const code of ['../etc', 'a/b', 'a\\b', 'a b', 'x\ny', '']) {
      await expect(created('p', code)).rejects.toMatchObject({ appError: { kind: 'protocol' } });
      await expect(history.recordSnapshot('p', makeSummary({ roomCode: code }))).rejects.toMatchObject({
        appError: { kind: 'validation' },
      });
    }
    expect(history.stats().rooms).toBe(0);
  });
});

describe('writes', () => {
  it('writes nothing for a refresh that found nothing new, and keeps its time for flush()', async () => {
    await created('p', 'R-1001');
    await history.recordSnapshot('p', makeSummary({ fetchedAt: 1000 }));
    const before = readFileSync(join(temp.dir, JOURNAL_FILE_NAME));
    for (let tick = 1; tick <= 20; tick += 1) await history.recordSnapshot('p', makeSummary({ fetchedAt: 1000 + tick * 10_000 }));
    expect(readFileSync(join(temp.dir, JOURNAL_FILE_NAME)).equals(before)).toBe(true);
    expect((await history.query({ sort: 'newest', offset: 0, limit: 1 })).items[0]!.lastSyncedAt).toBe(201_000);

    await history.flush();
    expect(journalBytes()).toBeGreaterThan(before.length);
    expect(journalRooms(temp.dir)[0]!.lastSyncedAt).toBe(201_000);
    const size = journalBytes();
    await history.flush();
    expect(journalBytes()).toBe(size);
  });

  it('appends about one record per change, whatever the size of the history', async () => {
    const perChange: number[] = [];
    for (const count of [10, 400]) {
      const dir = join(temp.dir, `n${count}`);
      const sized = await openHistory({ dir, now: clock.now });
      for (let index = 0; index < count; index += 1) {
        await sized.recordCreated({
          profileId: 'p',
          roomCode: `R-${index}`,
          roomLink: 'https://x.test/r',
          creatorUserId: 'a',
          listing: { title: `room ${index}` },
        });
      }
      const start = statSync(join(dir, JOURNAL_FILE_NAME)).size;
      await sized.updateNotes('R-3', 'a note');
      perChange.push(statSync(join(dir, JOURNAL_FILE_NAME)).size - start);
      await sized.close();
    }
    expect(perChange[0]).toBeLessThan(1024);
    expect(perChange[1]).toBe(perChange[0]);
  });
});

describe('timeline', () => {
  it('records the room closing once when its details first show a close time, and counts only people present', async () => {
    await created('p', 'R-1001');
    const people = [
      // Realsee's UserStatus: 0 normal, 1 removed, 2 replaced.
      { userId: 'agent-7', role: 'anchor', status: 0, nickname: 'A', avatar: null, joinedAt: null },
      { userId: 'guest-1', role: 'audience', status: 1, nickname: 'removed already', avatar: null, joinedAt: null },
      { userId: 'guest-2', role: 'audience', status: 0, nickname: 'here', avatar: null, joinedAt: null },
    ];
    await history.recordSnapshot('p', makeSummary({ fetchedAt: 1000, participants: people }));
    await history.recordSnapshot('p', makeSummary({ fetchedAt: 2000, status: 2, closeTime: '2026-11-25 10:00:00', participants: people }));
    await history.recordSnapshot('p', makeSummary({ fetchedAt: 3000, status: 3, closeTime: '2026-11-25 10:00:00', participants: [] }));

    const timeline = await history.timeline('R-1001');
    expect(timeline.filter((entry) => entry.type === 'room-closed')).toEqual([{ type: 'room-closed', at: 2000 }]);
    expect(
      timeline.filter((entry) => entry.type === 'details-refreshed').map((entry) => 'participantCount' in entry && entry.participantCount),
    ).toEqual([2, 2, 0]);
    const [row] = (await history.query({ sort: 'newest', offset: 0, limit: 1 })).items;
    expect(row!.participantCount).toBe(0);
  });
});

describe('loading off the critical path', () => {
  it('returns at once; calls wait for the load; the state says loading, then ready', async () => {
    await created('p', 'R-1');
    await history.close();
    const states: string[] = [];
    const reopened = createHistoryService({ dir: temp.dir, onStateChange: (state) => states.push(state.load) });
    expect(reopened.state().load).toBe('loading');
    expect(reopened.stats().rooms).toBe(0);
    const page = reopened.query({ sort: 'newest', offset: 0, limit: 10 });
    expect((await page).total).toBe(1);
    expect(reopened.state().load).toBe('ready');
    expect(states).toEqual(['ready']);
  });
});

describe('the room service and the history together', () => {
  const detailFor = (roomCode: string) => {
    const example = JSON.parse(readFileSync(new URL('../../fixtures/realsee-room-detail.example.json', import.meta.url), 'utf8')) as {
      data: unknown;
    };
    return roomDetailDataSchema.parse({
      ...(example.data as object),
      room_code: roomCode,
      room_link: `https://live.realsee.ai/room/${roomCode}`,
    });
  };

  function roomsOver(answer: (profileId: string, roomCode: string) => unknown, active = 'china') {
    const asked: string[] = [];
    const clients = {
      clientFor: (profileId: string) => ({
        getRoomDetail: async (roomCode: string) => {
          asked.push(`${profileId}:${roomCode}`);
          return answer(profileId, roomCode);
        },
        createRoom: async () => ({ roomCode: 'R-1', roomLink: 'https://live.realsee.ai/room/R-1' }),
      }),
      forget: () => undefined,
    } as unknown as ClientPool;
    const profileOf = (id: string) => ({ id, userId: 'agent', roles: { host: 'anchor', guest: 'audience' } });
    const rooms = createRoomService({
      profiles: { getActive: async () => profileOf(active) as never, resolveGatewayProfile: async () => ({}) as never },
      clients,
      activity: historyActivityRecorder(history, () => undefined),
      roomOwner: (roomCode) => history.ownerOf(roomCode),
      now: clock.now,
    });
    return { rooms, asked };
  }

  it("refuses a details answer about another room and leaves that room's record alone", async () => {
    await created('global', 'VICTIM', 'victim');
    await created('china', 'ASKED');
    const { rooms } = roomsOver(() => detailFor('VICTIM'));
    await expect(rooms.getRoomDetails('ASKED')).rejects.toMatchObject({ appError: { kind: 'protocol' } });
    expect((await history.get('VICTIM')).snapshots).toEqual([]);
    expect((await history.get('ASKED')).snapshots).toEqual([]);
  });

  it('refreshes a known room with the profile that owns it, not the active one', async () => {
    await created('global', 'MINE');
    const { rooms, asked } = roomsOver((_profile, roomCode) => detailFor(roomCode), 'china');
    await rooms.getRoomDetails('MINE');
    expect(asked).toEqual(['global:MINE']);
    expect((await history.get({ profileId: 'global', roomCode: 'MINE' })).snapshots).toHaveLength(1);
    expect(history.stats().rooms).toBe(1);
  });

  it('fails a create whose answer reuses a code already in the history', async () => {
    await created('china', 'R-1', 'first');
    const { rooms } = roomsOver(() => null);
    await expect(rooms.createRoom({ guests: [], listing: { title: 'second' } })).rejects.toMatchObject({ appError: { kind: 'protocol' } });
    expect((await history.get('R-1')).listing.title).toBe('first');
  });
});

describe('timeline cap', () => {
  it('evicts routine events before guest passes, so a flood of host joins keeps who was invited', async () => {
    const capped = await openHistory({ dir: makeTempDir().dir, now: clock.now, timelineCap: 5 });
    await capped.recordCreated({ profileId: 'p', roomCode: 'R-9', roomLink: 'https://x.test/R-9', creatorUserId: 'a', listing: {} });
    for (const guest of ['g1', 'g2']) {
      await capped.recordEvent('R-9', { type: 'guest-pass-issued', userId: guest, role: 'audience', expiresAt: 1 });
    }
    for (let join = 0; join < 10; join += 1) await capped.recordEvent('R-9', { type: 'joined-as-host', userId: 'a' });
    const types = (await capped.get('R-9')).timeline.map((event) => event.type);
    expect(types).toEqual(['created', 'guest-pass-issued', 'guest-pass-issued', 'joined-as-host', 'joined-as-host']);
    await capped.close();
  });
});
