import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upgradeHistoryFile } from '../../../main/history/file-format';
import { HISTORY_FILE_NAME } from '../../../main/history/history-file';
import { makeTempDir } from './fixtures';

const childScript = fileURLToPath(new URL('./support/endless-writer.ts', import.meta.url));
const ROOMS = 4000;

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

/** Starts the writer and SIGKILLs it `delayMs` after it starts its second write. */
async function killWriterMidWay(delayMs: number): Promise<{ lastLine: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, temp.dir, String(ROOMS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let lastLine = '';
  let starts = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        lastLine = line;
        if (line === 'start' && (starts += 1) === 2) {
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, delayMs);
        }
      }
    });
  });
  await exited;
  return { lastLine };
}

describe('atomic writes', () => {
  it('leaves a complete old or new file when the writer is killed mid-write', async () => {
    let killedDuringWrite = 0;
    // The bytes hit the disk in the first milliseconds of a write; later comes the fsync.
    const delays = [0, 1, 2, 4, 8];
    for (const delay of delays) {
      const { lastLine } = await killWriterMidWay(delay);
      if (lastLine === 'start') killedDuringWrite += 1;

      const text = readFileSync(join(temp.dir, HISTORY_FILE_NAME), 'utf8');
      const parsed = upgradeHistoryFile(JSON.parse(text));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.file.rooms).toHaveLength(ROOMS);
      const markers = new Set(parsed.file.rooms.map((room) => room.listing.title?.[0]));
      expect(markers.size).toBe(1);
    }
    // The test only proves something if some kills landed while a write was in progress.
    expect(killedDuringWrite).toBeGreaterThan(0);
  }, 90_000);
});
