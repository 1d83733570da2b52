import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AppError } from '../common/errors';

export const DATA_FOLDER_LOCK_NAME = 'roomdesk.lock';

/** Another running Roomdesk writes to this data folder; a second writer would lose its rooms. */
export class DataFolderLockedError extends Error {
  readonly appError: AppError;

  constructor(lockPath: string, holderPid: number) {
    const message =
      `Another Roomdesk (process ${holderPid}) is already using the data folder; two at once would lose each other's rooms. ` +
      `Close the other one first. If no other Roomdesk is running, delete ${lockPath} and start again.`;
    super(message);
    this.name = 'DataFolderLockedError';
    this.appError = { kind: 'storage', message };
  }
}

export interface DataFolderLock {
  readonly path: string;
  /** Removes the lock file, if it is still ours. */
  release(): void;
}

export interface DataFolderLockOptions {
  pid?: number;
  isRunning?: (pid: number) => boolean;
}

/** Whether a process with this id exists (EPERM: it exists but belongs to someone else). */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process: creates `roomdesk.lock` exclusively with our process id.
 * A lock whose process is gone (a crash) or that names no process is taken over; one held by a
 * running process throws DataFolderLockedError.
 */
export function acquireDataFolderLock(dir: string, options: DataFolderLockOptions = {}): DataFolderLock {
  const pid = options.pid ?? process.pid;
  const isRunning = options.isRunning ?? processIsRunning;
  const path = join(dir, DATA_FOLDER_LOCK_NAME);

  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${pid}\n`);
      } finally {
        closeSync(fd);
      }
      return { path, release: () => releaseIfOurs(path, pid) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw error;
    }
    const holder = lockHolder(path);
    if (holder !== null && (holder === pid || isRunning(holder))) throw new DataFolderLockedError(path, holder);
    // Stale: its process is gone. Remove it and try the exclusive create again.
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

function lockHolder(path: string): number | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

function releaseIfOurs(path: string, pid: number): void {
  if (lockHolder(path) !== pid) return;
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
