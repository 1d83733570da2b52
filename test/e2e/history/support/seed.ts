import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryRoom } from '../../../../common/history';
import { toRealseeTimeText } from '../../../../common/realsee-time';
import { encodeJournal, JOURNAL_FILE_NAME } from '../../../../main/history/history-store';
import type { HarnessApp } from '../../support/harness';

export const SEED_START = Date.UTC(2025, 0, 1, 9);
const DAY = 24 * 3600_000;

const titles = ['Riverside two-bed', '静安 两居室', 'Garden loft', '浦东 三居室'];
const guests = ['Mrs Wang', '李先生', 'Mr Smith'];

/** `count` saved rooms, one a day from SEED_START; every 7th has notes, every 3rd is closed. */
export function seededRooms(count: number): HistoryRoom[] {
  return Array.from({ length: count }, (_, index): HistoryRoom => {
    const createdAt = SEED_START + index * DAY;
    const roomCode = `H-${String(index).padStart(5, '0')}`;
    const closed = index % 3 === 0;
    const status = closed ? 2 : 1;
    const guest = guests[index % guests.length]!;
    return {
      profileId: 'sandbox',
      roomCode,
      roomLink: `http://127.0.0.1:9/room/${roomCode}`,
      creatorUserId: 'agent-1',
      createdAt,
      listing: {
        title: `${titles[index % titles.length]} ${index}`,
        address: index % 2 === 0 ? `上海市浦东新区 世纪大道 ${index} 号` : `${index} Quay Street`,
        ...(index % 7 === 0 ? { notes: `Asked about the school district (${index})` } : {}),
      },
      guests: [{ userId: `guest-${index}`, role: 'audience', nickname: guest }],
      snapshots: [
        {
          at: createdAt + 60_000,
          status,
          participants: [{ id: 'agent-1', role: 'anchor', status: 0, nickname: 'Agent One' }],
          limits: {
            maxUserCount: 6,
            maxUsingTime: 7200,
            ticketValidateTime: 300,
            keepAliveTime: 60,
            allowDynamicEnter: true,
            autoDestroy: false,
          },
          voiceId: null,
          // As Realsee writes it: Beijing time, no zone in the text.
          closeTime: closed ? toRealseeTimeText(createdAt + 30 * 60_000, 'Asia/Shanghai') : null,
        },
      ],
      timeline: [{ type: 'created', at: createdAt }],
      lastSyncedAt: createdAt + 60_000,
    };
  });
}

/** Replaces the history file with `rooms` and restarts main's services so they load it. */
export async function seedHistory(app: HarnessApp, rooms: HistoryRoom[]): Promise<void> {
  await writeFile(join(app.dataDir, JOURNAL_FILE_NAME), encodeJournal(rooms));
  await app.restartServices();
}
