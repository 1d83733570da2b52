import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_FILE_NAME } from '../../../main/history/history-file';
import { createHistoryService } from '../../../main/history/history-service';
import { makeTempDir, manualClock } from './fixtures';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('when the file cannot be written', () => {
  it('rejects with a storage error and saves the change with the next write that succeeds', async () => {
    const history = await createHistoryService({ dir: temp.dir, now: manualClock().now });
    await history.recordCreated({ profileId: 'p', roomCode: 'R', roomLink: 'https://x.test/r', creatorUserId: 'a' });
    const path = join(temp.dir, HISTORY_FILE_NAME);
    rmSync(path);
    mkdirSync(path); // a folder where the file should be: the rename fails

    await expect(history.recordEvent('R', { type: 'room-closed' })).rejects.toMatchObject({
      appError: { kind: 'storage', message: expect.stringContaining(path) },
    });

    rmSync(path, { recursive: true });
    await history.recordEvent('R', { type: 'voice-joined', userId: 'a' });
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(onDisk.rooms[0].timeline.map((event: { type: string }) => event.type)).toEqual(['created', 'room-closed', 'voice-joined']);
  });

  it('moves aside a history path that is a folder at startup', async () => {
    mkdirSync(join(temp.dir, HISTORY_FILE_NAME));
    const history = await createHistoryService({ dir: temp.dir });
    expect(history.startupReport?.outcome).toBe('quarantined');
    expect(history.startupReport?.problem?.message).toMatch(/could not be read \(EISDIR\)/);
    await history.recordCreated({ profileId: 'p', roomCode: 'R', roomLink: 'https://x.test/r', creatorUserId: null });
    expect(history.stats().rooms).toBe(1);
  });
});

describe('timeline cap', () => {
  it('keeps the first event and the newest ones', async () => {
    const history = await createHistoryService({ dir: temp.dir, timelineCap: 4 });
    await history.recordCreated({ profileId: 'p', roomCode: 'R', roomLink: 'https://x.test/r', creatorUserId: 'a' });
    for (let index = 0; index < 6; index += 1) await history.recordEvent('R', { type: 'voice-joined', userId: `u${index}` });
    const timeline = history.get('R').timeline;
    expect(timeline.map((event) => ('userId' in event ? event.userId : event.type))).toEqual(['created', 'u3', 'u4', 'u5']);
  });
});
