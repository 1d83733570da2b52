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

const text = (rooms: HistoryRoom[]) => Buffer.concat(serializeHistory(rooms)).toString('utf8');

describe('serializeHistory', () => {
  it('writes exactly what JSON.stringify writes, also after a room was replaced', () => {
    const first = room('A', '静安区 "quoted"');
    const second = room('B', 'plain');
    expect(text([first, second])).toBe(JSON.stringify({ version: 2, rooms: [first, second] }));

    const changed = { ...second, listing: { title: '已更新' } };
    expect(text([first, changed])).toBe(JSON.stringify({ version: 2, rooms: [first, changed] }));
    expect(text([])).toBe('{"version":2,"rooms":[]}');
  });
});
