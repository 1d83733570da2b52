import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryState } from '../../../common/history';
import { HistoryStore, JOURNAL_FILE_NAME } from '../../../main/history/history-store';
import { journalRooms, makeSummary, makeTempDir, manualClock, openHistory } from './fixtures';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('when a room cannot be saved', () => {
  it('keeps a room that grows past the record limit by dropping its middle snapshots; the others keep saving', async () => {
    const states: HistoryState[] = [];
    const history = await openHistory({ dir: temp.dir, now: manualClock().now, onStateChange: (state) => states.push(state) });
    await history.recordCreated({ profileId: 'p', roomCode: 'BIG', roomLink: 'https://x.test/big', creatorUserId: null });
    // A hostile gateway: 400 participants with megabyte names per answer. Each snapshot is cut to
    // 200 participants of 256 characters (~160 KB), so 50 of them would exceed the 1 MB record limit.
    const huge = 'n'.repeat(1_000_000);
    const crowd = (round: number) =>
      Array.from({ length: 400 }, (_, index) => ({
        userId: `${round}-${index}-${'u'.repeat(300)}`,
        role: 'r'.repeat(300),
        status: 1,
        nickname: huge,
        avatar: null,
        joinedAt: null,
      }));
    for (let round = 0; round < 20; round += 1) {
      await history.recordSnapshot('p', makeSummary({ roomCode: 'BIG', fetchedAt: 1000 + round, participants: crowd(round) }));
    }
    await history.recordCreated({ profileId: 'p', roomCode: 'SMALL', roomLink: 'https://x.test/small', creatorUserId: null });
    expect(states.at(-1)?.saveProblem ?? null).toBeNull();
    await history.close();

    const reopened = await openHistory({ dir: temp.dir });
    expect(reopened.stats().rooms).toBe(2);
    const big = await reopened.get('BIG');
    expect(big.snapshots[0]!.at).toBe(1000);
    expect(big.snapshots.at(-1)!.at).toBe(1019);
    expect(big.snapshots.length).toBeLessThan(20);
    expect(big.snapshots.every((snapshot) => snapshot.participants.length === 200)).toBe(true);
    expect(big.snapshots.flatMap((snapshot) => snapshot.participants).every((person) => person.nickname!.length === 256)).toBe(true);
  }, 60_000);

  it('a record that cannot be encoded is refused on its own with a validation error', () => {
    const cyclic = { roomCode: 'LOOP' } as Record<string, unknown>;
    cyclic.self = cyclic;
    expect(() => HistoryStore.encode(cyclic as never)).toThrow(
      expect.objectContaining({ appError: expect.objectContaining({ kind: 'validation' }) }),
    );
  });

  it('rejects with a storage error, tells the agent, and saves the change with the next write that succeeds', async () => {
    const states: HistoryState[] = [];
    const history = await openHistory({ dir: temp.dir, now: manualClock().now, onStateChange: (state) => states.push(state) });
    await history.recordCreated({ profileId: 'p', roomCode: 'R', roomLink: 'https://x.test/r', creatorUserId: 'a' });
    const path = join(temp.dir, JOURNAL_FILE_NAME);
    const failing = await failFileWrites();
    await expect(history.recordEvent('R', { type: 'room-closed' })).rejects.toMatchObject({
      appError: { kind: 'storage', message: expect.stringContaining(path) },
    });
    failing.restore();
    expect(states.at(-1)?.saveProblem).toMatchObject({ roomCode: 'R', error: { kind: 'storage' } });
    // The change stays in memory.
    expect((await history.get('R')).timeline.map((event) => event.type)).toEqual(['created', 'room-closed']);

    await history.recordEvent('R', { type: 'voice-joined', userId: 'a' });
    expect(states.at(-1)?.saveProblem).toBeNull();
    expect(journalRooms(temp.dir)[0]!.timeline.map((event) => event.type)).toEqual(['created', 'room-closed', 'voice-joined']);
  });

  it('moves aside a history path that is a folder at startup', async () => {
    mkdirSync(join(temp.dir, JOURNAL_FILE_NAME));
    const history = await openHistory({ dir: temp.dir });
    expect(['quarantined', 'unreadable']).toContain(history.startupReport?.outcome);
    expect(history.startupReport?.problem?.message).toMatch(/EISDIR/);
    rmSync(join(temp.dir, JOURNAL_FILE_NAME), { recursive: true, force: true });
    chmodSync(temp.dir, 0o700);
  });
});

describe('timeline cap', () => {
  it('keeps the first event and the newest ones', async () => {
    const history = await openHistory({ dir: temp.dir, timelineCap: 4 });
    await history.recordCreated({ profileId: 'p', roomCode: 'R', roomLink: 'https://x.test/r', creatorUserId: 'a' });
    for (let index = 0; index < 6; index += 1) await history.recordEvent('R', { type: 'voice-joined', userId: `u${index}` });
    const timeline = (await history.get('R')).timeline;
    expect(timeline.map((event) => ('userId' in event ? event.userId : event.type))).toEqual(['created', 'u3', 'u4', 'u5']);
  });
});

/** Makes every FileHandle write of this process fail with ENOSPC (a full disk) until restored. */
async function failFileWrites(): Promise<{ restore(): void }> {
  const probe = await open(join(temp.dir, 'probe'), 'w');
  const prototype = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
  await probe.close();
  const original = prototype.write;
  prototype.write = async () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  return { restore: () => void (prototype.write = original) };
}
