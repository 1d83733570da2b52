import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncFolder } from './atomic-file';

/*
 * The history journal: one JSON document per line, appended and fsynced per change, rewritten
 * ("compacted") only when dead lines outweigh live ones. A change costs the bytes of its own line,
 * whatever the size of the history; see history-store.ts for why a journal rather than SQLite.
 *
 * Crash safety: a line is acknowledged only after fdatasync, so a crash can leave at most one torn
 * line at the end; it was never acknowledged and the reader cuts it off. Compaction writes a new
 * file beside the old one, fsyncs it and renames it over the old one, so a crash leaves one of the
 * two complete files.
 */

/** Where a line sits in the file. */
export interface LineLocation {
  offset: number;
  length: number;
}

/** Small enough that parsing and validating one chunk (~20 rooms) stays well under a frame. */
const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * Calls `onLine` for every complete line (without its newline), reading in 64 KB chunks so the main
 * thread never does more than one chunk's work between two event-loop turns. Returns the offset
 * where complete lines end: bytes after it are a torn last line.
 */
export async function scanLines(
  handle: FileHandle,
  onLine: (line: Buffer, offset: number) => void,
  afterChunk?: () => Promise<void>,
): Promise<number> {
  let position = 0;
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const data = carry.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
    let start = 0;
    for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
      onLine(data.subarray(start, end), carryOffset + start);
      start = end + 1;
    }
    carryOffset += start;
    carry = Buffer.from(data.subarray(start));
    if (afterChunk) await afterChunk();
  }
  return carryOffset;
}

export class JournalFile {
  private constructor(
    readonly path: string,
    private handle: FileHandle,
    /** Bytes of complete, acknowledged lines. */
    private end: number,
  ) {}

  /** Opens (creating when absent) the journal for reading and appending. */
  static async open(path: string): Promise<JournalFile> {
    const handle = await open(path, 'a+')
      .then((created) => created.close())
      .then(() => open(path, 'r+'));
    const { size } = await handle.stat();
    return new JournalFile(path, handle, size);
  }

  get size(): number {
    return this.end;
  }

  scan(onLine: (line: Buffer, offset: number) => void): Promise<number> {
    return scanLines(this.handle, onLine);
  }

  /** Cuts off a torn last line (a write that never completed, so was never acknowledged). */
  async truncate(length: number): Promise<void> {
    await this.handle.truncate(length);
    await this.handle.datasync();
    this.end = length;
  }

  /**
   * Appends lines and makes them durable; resolves with where each one landed. On failure the file
   * is cut back to its previous end so a half-written line cannot glue itself to the next one.
   */
  async append(lines: readonly Buffer[]): Promise<LineLocation[]> {
    const locations: LineLocation[] = [];
    const parts: Buffer[] = [];
    let offset = this.end;
    for (const line of lines) {
      locations.push({ offset, length: line.length });
      parts.push(line, NEWLINE_BUFFER);
      offset += line.length + 1;
    }
    const bytes = Buffer.concat(parts);
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written, this.end + written);
        written += bytesWritten;
      }
      await this.handle.datasync();
    } catch (error) {
      await this.handle.truncate(this.end).catch(() => undefined);
      throw error;
    }
    this.end = offset;
    return locations;
  }

  async read(location: LineLocation): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(location.length);
    const { bytesRead } = await this.handle.read(buffer, 0, location.length, location.offset);
    if (bytesRead !== location.length) throw new Error(`short read: ${bytesRead} of ${location.length} bytes`);
    return buffer;
  }

  /**
   * Rewrites the journal with only `keep` (header first, then the live lines in file order) and
   * returns each kept line's new location, keyed by its old offset. The old file stays intact
   * until the new one is durable and renamed over it.
   */
  async compact(header: Buffer, keep: readonly LineLocation[]): Promise<Map<number, LineLocation>> {
    const tempPath = `${this.path}.compact.tmp`;
    const wanted = new Set(keep.map((location) => location.offset));
    const moved = new Map<number, LineLocation>();
    const out = await open(tempPath, 'w', 0o600);
    try {
      let outOffset = 0;
      let batch: Buffer[] = [];
      let batchBytes = 0;
      const flushBatch = async () => {
        if (batchBytes === 0) return;
        const bytes = Buffer.concat(batch);
        batch = [];
        batchBytes = 0;
        let written = 0;
        while (written < bytes.length) written += (await out.write(bytes, written)).bytesWritten;
      };
      const push = (line: Buffer) => {
        batch.push(line, NEWLINE_BUFFER);
        batchBytes += line.length + 1;
        const location = { offset: outOffset, length: line.length };
        outOffset += line.length + 1;
        return location;
      };
      push(header);
      // Lines are copied as they are (no parsing), one read chunk at a time.
      await scanLines(
        this.handle,
        (line, offset) => {
          if (wanted.has(offset)) moved.set(offset, push(Buffer.from(line)));
        },
        flushBatch,
      );
      await flushBatch();
      await out.datasync();
    } catch (error) {
      await out.close();
      await rm(tempPath, { force: true });
      throw error;
    }
    await out.close();
    // Windows cannot rename over a file that is open: close, rename, reopen.
    await this.handle.close();
    try {
      await rename(tempPath, this.path);
    } finally {
      this.handle = await open(this.path, 'r+');
    }
    await syncFolder(dirname(this.path));
    this.end = (await this.handle.stat()).size;
    return moved;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

const NEWLINE_BUFFER = Buffer.from('\n');
