import { access, mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryRoom, HistoryStartupReport } from '../../common/history';
import type { AppError } from '../../common/errors';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-file';
import { CURRENT_HISTORY_VERSION, upgradeHistoryFile } from './file-format';
import { appFailure } from '../app-failure';

/*
 * Why our own file rather than electron-store/conf (`scripts/bench/history.ts`, same file in the
 * same run; wall times vary with machine load, so compare the ratios): conf's constructor parses
 * the file, deep-copies and deep-compares it, its `store` getter parses it again, and every
 * whole-store write parses the current file once more before writing (to keep its bookkeeping
 * key). Measured at 10,000 rooms (26 MB): conf construct + read, before any validation, 3.1× the
 * CPU of a raw readFile + JSON.parse (5.1× wall), against the ≤ 3× target; our load + zod
 * validation 1.15×. A conf whole-store write costs 1.9× a plain stringify + atomic write; our
 * append (one cached buffer per room, only the changed room re-encoded, written with writev) costs
 * 1.5× a raw atomic write of the finished bytes. conf also writes synchronously only, blocking the
 * main process. We keep conf's guarantee (temp file in the same folder, fsync, rename) in
 * `atomic-file.ts` and add what conf lacks: backups before migrations and a quarantine in place of
 * `clearInvalidConfig`.
 */

export const HISTORY_FILE_NAME = 'history.json';

export interface LoadedHistory {
  rooms: HistoryRoom[];
  report: HistoryStartupReport;
}

export interface HistoryFile {
  readonly path: string;
  /** Reads, validates and migrates the file; never throws for a bad file (see the report). */
  load(): Promise<LoadedHistory>;
  /** Replaces the file with these rooms; resolves once the new file is durable. */
  save(rooms: readonly HistoryRoom[]): Promise<void>;
}

export function openHistoryFile(options: { dir: string; now: () => number }): HistoryFile {
  const path = join(options.dir, HISTORY_FILE_NAME);
  let writable = true;

  const save = async (rooms: readonly HistoryRoom[]): Promise<void> => {
    if (!writable) {
      throw appFailure('storage', `The history file ${path} could not be read or set aside, so it is not overwritten.`);
    }
    try {
      await writeFileAtomic(path, serializeHistory(rooms));
    } catch (error) {
      throw appFailure('storage', `The history could not be saved to ${path}: ${describeFsError(error)}.`);
    }
  };

  const load = async (): Promise<LoadedHistory> => {
    await mkdir(options.dir, { recursive: true });
    await removeStaleTempFiles(path);

    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { rooms: [], report: { outcome: 'new', roomCount: 0, writable: true } };
      }
      return quarantine(`it could not be read (${describeFsError(error)})`);
    }

    let data: unknown;
    try {
      data = JSON.parse(stripBom(bytes.toString('utf8')));
    } catch {
      return quarantine('it is not valid JSON');
    }

    const upgraded = upgradeHistoryFile(data);
    if (!upgraded.ok) return quarantine(upgraded.reason);
    const rooms = dedupeByRoomCode(upgraded.file.rooms);
    if (upgraded.fromVersion === CURRENT_HISTORY_VERSION) {
      return { rooms, report: { outcome: 'loaded', roomCount: rooms.length, writable: true } };
    }
    return migrate(bytes, upgraded.fromVersion, rooms);
  };

  /** The old file is copied, byte for byte, before the migrated one replaces it. */
  const migrate = async (oldBytes: Buffer, fromVersion: number, rooms: HistoryRoom[]): Promise<LoadedHistory> => {
    const backupPath = await freeName(options.dir, `history.v${fromVersion}.backup-${fileStamp(options.now())}`);
    try {
      await writeFileAtomic(backupPath, oldBytes);
    } catch (error) {
      writable = false;
      const problem = storageProblem(
        `The history file needs an update, but a backup could not be written (${describeFsError(error)}). It is left as it was and changes are not saved.`,
      );
      return { rooms, report: { outcome: 'migrated', roomCount: rooms.length, problem, migratedFrom: fromVersion, writable } };
    }
    try {
      await save(rooms);
    } catch (error) {
      const problem = storageProblem(
        `The history file was backed up to ${backupPath} but the updated file could not be saved: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
      return { rooms, report: { outcome: 'migrated', roomCount: rooms.length, problem, backupPath, migratedFrom: fromVersion, writable } };
    }
    return { rooms, report: { outcome: 'migrated', roomCount: rooms.length, backupPath, migratedFrom: fromVersion, writable } };
  };

  /** A file we cannot use is moved aside, never deleted, and the app starts empty. */
  const quarantine = async (reason: string): Promise<LoadedHistory> => {
    const movedTo = await freeName(options.dir, `history.corrupt-${fileStamp(options.now())}`);
    try {
      await rename(path, movedTo);
    } catch (error) {
      writable = false;
      const problem = storageProblem(
        `The history file ${path} could not be used because ${reason}, and it could not be moved aside (${describeFsError(error)}). Roomdesk shows an empty history and does not overwrite the file.`,
      );
      return { rooms: [], report: { outcome: 'unreadable', roomCount: 0, problem, writable } };
    }
    const problem = storageProblem(
      `The history file could not be used because ${reason}. It was moved to ${movedTo} and Roomdesk started with an empty history.`,
    );
    return { rooms: [], report: { outcome: 'quarantined', roomCount: 0, problem, movedTo, writable } };
  };

  return { path, load, save };
}

/**
 * The bytes of `JSON.stringify({ version, rooms })` as a list of buffers, one cached UTF-8 buffer
 * per room. Rooms are immutable (a change makes a new object), so appending a snapshot to one room
 * of 10,000 encodes that room only, and the buffers are written as they are (see writeFileAtomic).
 */
const encodedRooms = new WeakMap<HistoryRoom, Buffer>();
const COMMA = Buffer.from(',');
const SUFFIX = Buffer.from(']}');

export function serializeHistory(rooms: readonly HistoryRoom[]): Buffer[] {
  const parts: Buffer[] = [Buffer.from(`{"version":${CURRENT_HISTORY_VERSION},"rooms":[`)];
  rooms.forEach((room, position) => {
    let bytes = encodedRooms.get(room);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(room));
      encodedRooms.set(room, bytes);
    }
    if (position > 0) parts.push(COMMA);
    parts.push(bytes);
  });
  parts.push(SUFFIX);
  return parts;
}

function storageProblem(message: string): AppError {
  return { kind: 'storage', message };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A later entry for the same room code wins; two entries for one room cannot both be kept. */
function dedupeByRoomCode(rooms: HistoryRoom[]): HistoryRoom[] {
  const byCode = new Map<string, HistoryRoom>();
  for (const room of rooms) byCode.set(room.roomCode, room);
  return byCode.size === rooms.length ? rooms : [...byCode.values()];
}

/** A time stamp that is safe in file names on every platform (no colons). */
function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

async function freeName(dir: string, stem: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = join(dir, attempt === 1 ? `${stem}.json` : `${stem}-${attempt}.json`);
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : 'unknown error');
}
