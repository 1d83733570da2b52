import { open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

/**
 * Replaces `path` with `data` so that a crash at any moment leaves either the old complete file or
 * the new complete one: the bytes go to a temporary file in the same folder, are flushed to disk,
 * and only then renamed over the target (rename is atomic within a folder). The promise resolves
 * once the new file and its folder entry are durable.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  tempCounter += 1;
  const tempPath = join(dirname(path), `${basename(path)}.${process.pid}.${tempCounter}.tmp`);
  const handle = await open(tempPath, 'w', 0o600);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else await writeParts(handle, data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tempPath, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/**
 * Writes many buffers without joining them first: joining a 25 MB history into one buffer costs
 * more CPU (and garbage collection) than the write itself.
 */
async function writeParts(handle: FileHandle, parts: readonly Uint8Array[]): Promise<void> {
  for (let start = 0; start < parts.length; start += PARTS_PER_WRITEV) {
    const batch = parts.slice(start, start + PARTS_PER_WRITEV);
    const expected = batch.reduce((sum, part) => sum + part.byteLength, 0);
    const { bytesWritten } = await handle.writev(batch);
    if (bytesWritten !== expected) throw new Error(`short write: ${bytesWritten} of ${expected} bytes`);
  }
}

/** Linux and macOS accept at most 1024 buffers per writev call. */
const PARTS_PER_WRITEV = 1024;

/** Makes the rename itself durable. Some platforms (Windows) cannot open a folder; they skip it. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // EINVAL/EPERM on file systems that do not support syncing a folder.
  } finally {
    await handle.close();
  }
}

/** Temporary files left behind by a process killed mid-write; the target file is intact. */
export async function removeStaleTempFiles(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const folder = dirname(path);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(
    names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp')).map((name) => rm(join(folder, name), { force: true })),
  );
}
