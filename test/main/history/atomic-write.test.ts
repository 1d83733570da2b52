import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, openHistory } from './fixtures';

const childScript = fileURLToPath(new URL('./support/endless-writer.ts', import.meta.url));
const ROOMS = 200;

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

/** Starts the writer and SIGKILLs it `delayMs` after its `ackCount`-th acknowledged edit; returns the last ack. */
async function killWriterMidWay(ackCount: number, delayMs: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, temp.dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let lastAck = -1;
  let acks = 0;
  let killing = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      const match = /^ack (\d+)$/.exec(line);
      if (match === null) continue;
      lastAck = Number(match[1]);
      acks += 1;
      if (acks >= ackCount && !killing) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    }
  });
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGKILL') throw new Error(`writer exited on its own (${code})`);
  });
  await exited;
  return lastAck;
}

describe('crash safety of the journal', () => {
  it('keeps every acknowledged edit and nothing torn when the writer is killed mid-append or mid-compaction', async () => {
    // Each run restarts from the file the previous kill left: five kills, each a few edits after a random point.
    const plan: [number, number][] = [
      [150, 0],
      [300, 1],
      [420, 3],
      [500, 7],
      [640, 2],
    ];
    for (const [ackCount, delay] of plan) {
      const lastAck = await killWriterMidWay(ackCount, delay);
      expect(lastAck).toBeGreaterThanOrEqual(0);

      const history = await openHistory({ dir: temp.dir });
      // A torn last line was never acknowledged: it is cut off silently, never reported as damage.
      expect(history.startupReport).toBeNull();
      expect(history.stats().rooms).toBe(ROOMS);
      // Every room holds its last acknowledged edit, or a later one that landed unacknowledged.
      for (let room = 0; room < ROOMS && room <= lastAck; room += 1) {
        const lastForRoom = lastAck - ((lastAck - room) % ROOMS);
        const notes = (await history.get(`R-${room}`)).listing.notes ?? '';
        const version = Number(/^v(\d+) /.exec(notes)?.[1] ?? -1);
        expect(version % ROOMS).toBe(room);
        expect(version).toBeGreaterThanOrEqual(lastForRoom);
      }
      await history.close();
    }
  }, 120_000);
});
