// Child process for the crash test: rewrites the history file forever, alternating two large
// versions, and says on stdout when each write starts and when it is durable.
import type { HistoryRoom } from '../../../../common/history';
import { writeFileAtomic } from '../../../../main/history/atomic-file';
import { HISTORY_FILE_NAME, serializeHistory } from '../../../../main/history/history-file';
import { join } from 'node:path';

const [dir, roomCountText] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: endless-writer <dir> [rooms]');
const roomCount = Number(roomCountText ?? '4000');

function version(marker: string): HistoryRoom[] {
  return Array.from({ length: roomCount }, (_, index) => ({
    profileId: 'sandbox',
    roomCode: `R-${index}`,
    roomLink: `https://live.realsee.ai/room/R-${index}`,
    creatorUserId: 'agent',
    createdAt: 1_700_000_000_000 + index,
    listing: { title: `${marker} ${'房源'.repeat(40)}`, notes: marker.repeat(400) },
    guests: [],
    snapshots: [],
    timeline: [{ type: 'created', at: 1_700_000_000_000 + index }],
    lastSyncedAt: null,
  }));
}

// Serialized once, so nearly all of the loop's time is spent writing: that is where a kill must land.
const versions = [serializeHistory(version('A')), serializeHistory(version('B'))];
const path = join(dir, HISTORY_FILE_NAME);
for (let round = 0; ; round += 1) {
  process.stdout.write('start\n');
  await writeFileAtomic(path, versions[round % 2]!);
  process.stdout.write('durable\n');
}
