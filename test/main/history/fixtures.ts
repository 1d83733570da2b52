import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { HistoryRoom } from '../../../common/history';
import type { RoomSummary } from '../../../common/room';
import { createHistoryService, type HistoryService, type HistoryServiceOptions } from '../../../main/history/history-service';
import { JOURNAL_FILE_NAME } from '../../../main/history/history-store';

/** A history service once it has finished loading. */
export async function openHistory(options: HistoryServiceOptions): Promise<HistoryService> {
  const history = createHistoryService(options);
  await history.ready;
  return history;
}

export function journalText(dir: string): string {
  return readFileSync(join(dir, JOURNAL_FILE_NAME), 'utf8');
}

/** The rooms the journal in `dir` holds, replaying its lines as the store does. */
export function journalRooms(dir: string): HistoryRoom[] {
  const rooms = new Map<string, HistoryRoom>();
  const [header, ...lines] = journalText(dir).split('\n').filter(Boolean);
  if (JSON.parse(header!).format !== 'roomdesk-history') throw new Error('not a history journal');
  for (const line of lines) {
    const entry = JSON.parse(line) as { op: string; room?: HistoryRoom; profileId?: string; roomCode?: string };
    if (entry.op === 'put') rooms.set(`${entry.room!.profileId}/${entry.room!.roomCode}`, entry.room!);
    else if (entry.op === 'del') rooms.delete(`${entry.profileId}/${entry.roomCode}`);
    else if (entry.op === 'clear') rooms.clear();
  }
  return [...rooms.values()];
}

export function makeTempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'roomdesk-history-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 10, 25, 9, 0, 0)): { now: () => number; advance(ms: number): void } {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

export function makeSummary(overrides: Partial<RoomSummary> = {}): RoomSummary {
  return {
    roomCode: 'R-1001',
    roomLink: 'https://live.realsee.ai/room/R-1001',
    status: 1,
    createTime: '2026-11-25 09:00:00',
    modifyTime: null,
    closeTime: null,
    creator: { userId: 'agent-7', nickname: 'Agent Seven', avatar: null },
    voiceId: 4242,
    participants: [
      { userId: 'agent-7', role: 'anchor', status: 0, nickname: 'Agent Seven', avatar: 'https://cdn.example/a.png', joinedAt: null },
    ],
    limits: {
      maxUserCount: 6,
      maxUsingTime: 7200,
      ticketValidateTime: 300,
      keepAliveTime: 60,
      allowDynamicEnter: true,
      autoDestroy: false,
    },
    vrAllowHosts: ['realsee.ai'],
    fetchedAt: Date.UTC(2026, 10, 25, 9, 1, 0),
    timeZone: 'Asia/Shanghai',
    ...overrides,
  };
}
