import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoomSummary } from '../../../common/room';

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
      { userId: 'agent-7', role: 'anchor', status: 1, nickname: 'Agent Seven', avatar: 'https://cdn.example/a.png', joinedAt: null },
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
