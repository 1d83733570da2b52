import type { HistoryRoom } from '../../common/history';
import { CURRENT_HISTORY_VERSION } from './file-format';

/*
 * The history's previous format: one JSON file `{ version: 2, rooms }` rewritten whole on every
 * change. It is only read now, to migrate it into the journal (history-store.ts); the writer below
 * stays for tests and the benchmark, which build such files to migrate and to compare against.
 */

export const HISTORY_FILE_NAME = 'history.json';

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
