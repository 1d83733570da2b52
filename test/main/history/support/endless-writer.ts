// Child process for the crash test: edits the notes of 200 rooms forever through the history
// service (one journal append + fsync each, and a compaction every few hundred edits), printing
// `ack <n>` once edit n has resolved, i.e. is durable.
import { createHistoryService } from '../../../../main/history/history-service';

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: endless-writer <dir>');
export const ROOMS = 200;

const history = createHistoryService({ dir, compactMinBytes: 256 * 1024 });
await history.ready;
for (let room = 0; room < ROOMS; room += 1) {
  const roomCode = `R-${room}`;
  if (!(await history.has(roomCode))) {
    await history.recordCreated({ profileId: 'sandbox', roomCode, roomLink: `https://x.test/${roomCode}`, creatorUserId: null });
  }
}
const padding = '房源'.repeat(600);
for (let edit = 0; ; edit += 1) {
  await history.updateNotes(`R-${edit % ROOMS}`, `v${edit} ${padding}`);
  process.stdout.write(`ack ${edit}\n`);
}
