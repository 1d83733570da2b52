import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataFolderLock, DATA_FOLDER_LOCK_NAME, DataFolderLockedError } from '../../../main/data-folder-lock';

const projectRoot = join(import.meta.dirname, '../../..');
const holder = join(import.meta.dirname, 'support/lock-holder.ts');

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'roomdesk-lock-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts a process that takes the lock on `dir` and prints one line saying whether it got it; it holds it until killed. */
function startHolder(dir: string): { child: ChildProcess; firstLine: Promise<string> } {
  // One process (tsx as a loader, not its CLI, which would run the script in a child of its own).
  const child = spawn(process.execPath, ['--import', 'tsx', holder, dir], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => child.kill('SIGKILL'));
  const firstLine = new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve(text.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`the lock holder exited (${code}) before answering: ${text}`)));
  });
  return { child, firstLine };
}

describe('one writer per data folder', () => {
  it('a second process on the same folder gets a clear typed refusal while the first runs', async () => {
    const dir = tempDir();
    const first = startHolder(dir);
    expect(await first.firstLine).toBe('locked');
    const second = startHolder(dir);
    const answer = await second.firstLine;
    expect(answer).toMatch(/^refused storage /);
    expect(answer).toContain(String(first.child.pid));
    expect(answer).toContain(join(dir, DATA_FOLDER_LOCK_NAME));
  }, 30_000);

  it('takes over the lock of a process that is gone (killed without cleaning up)', async () => {
    const dir = tempDir();
    const first = startHolder(dir);
    expect(await first.firstLine).toBe('locked');
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    const second = startHolder(dir);
    expect(await second.firstLine).toBe('locked');
    expect(readFileSync(join(dir, DATA_FOLDER_LOCK_NAME), 'utf8').trim()).toBe(String(second.child.pid));
  }, 30_000);

  it('in one process: refuses a second lock, frees it on release, and reclaims a lock file that names no process', () => {
    const dir = tempDir();
    const lock = acquireDataFolderLock(dir);
    expect(() => acquireDataFolderLock(dir)).toThrow(DataFolderLockedError);
    lock.release();
    acquireDataFolderLock(dir).release();
    writeFileSync(join(dir, DATA_FOLDER_LOCK_NAME), 'garbage');
    acquireDataFolderLock(dir).release();
  });
});

describe('the app services take the data folder', () => {
  it('a second composition on the same folder is refused until the first is disposed', async () => {
    const { createAppServices } = await import('../../../main/app-services');
    const Conf = (await import('conf')).default;
    const { createLogger, SecretRegistry } = await import('../../../main/logging/logger');
    const dataDir = tempDir();
    const secrets = new SecretRegistry();
    const options = {
      dataDir,
      profileStore: new Conf({ cwd: dataDir, configName: 'profiles', projectName: 'roomdesk-lock' }),
      vault: { get: async () => null, set: async () => undefined, delete: async () => false },
      sandbox: null,
      logger: createLogger(() => undefined, secrets),
      secrets,
      appVersion: 'test',
      platform: process.platform,
      chooseExportPath: async () => null,
      emit: () => undefined,
    };
    const first = await createAppServices(options);
    await expect(createAppServices(options)).rejects.toBeInstanceOf(DataFolderLockedError);
    await first.dispose();
    const again = await createAppServices(options);
    await again.dispose();
  });
});
