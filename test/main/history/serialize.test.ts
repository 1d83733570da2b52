import { describe, expect, it } from 'vitest';
import type { HistoryRoom } from '../../../common/history';
import { serializeHistory } from '../../../main/history/history-file';

function room(code: string, title: string): HistoryRoom {
  return {
    profileId: 'p',
    roomCode: code,
    roomLink: `https://x.test/${code}`,
    creatorUserId: null,
    createdAt: 1,
    listing: { title },
    guests: [],
    snapshots: [],
    timeline: [{ type: 'created', at: 1 }],
    lastSyncedAt: null,
  };
}

describe('serializeHistory', () => {
  it('writes exactly what JSON.stringify writes, also after a room was replaced', () => {
    const first = room('A', '静安区 "quoted"');
    const second = room('B', 'plain');
    expect(serializeHistory([first, second]).toString('utf8')).toBe(JSON.stringify({ version: 2, rooms: [first, second] }));

    const changed = { ...second, listing: { title: '已更新' } };
    expect(serializeHistory([first, changed]).toString('utf8')).toBe(JSON.stringify({ version: 2, rooms: [first, changed] }));
    expect(serializeHistory([]).toString('utf8')).toBe('{"version":2,"rooms":[]}');
  });
});
