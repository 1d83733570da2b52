import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeCell, toCsv } from '../../../main/history/csv';
import type { HistoryService } from '../../../main/history/history-service';
import { makeSummary, makeTempDir, manualClock, openHistory } from './fixtures';

describe('CSV encoding', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180) and ends lines with CRLF', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        ['x,y', 'say "hi"', 'line1\nline2'],
        ['plain', 3, null],
      ],
    );
    expect(csv).toBe('\uFEFFa,b,c\r\n"x,y","say ""hi""","line1\nline2"\r\n"plain",3,\r\n');
  });

  it('starts with a UTF-8 BOM so Excel reads Chinese text', () => {
    const bytes = Buffer.from(toCsv(['标题'], [['静安区两居室']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('静安区两居室');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(encodeCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(encodeCell('+1+1')).toBe(`"'+1+1"`);
    expect(encodeCell('-2+3')).toBe(`"'-2+3"`);
    expect(encodeCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(encodeCell('\t=1')).toBe(`"'\t'=1"`);
    expect(encodeCell('a=1')).toBe('"a=1"');
    expect(encodeCell(-5)).toBe('-5');
  });
});

describe('exportRooms', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let history: HistoryService;

  beforeEach(async () => {
    temp = makeTempDir();
    const clock = manualClock(Date.UTC(2026, 10, 1));
    history = await openHistory({ dir: temp.dir, now: clock.now });
    await history.recordCreated({
      profileId: 'china',
      roomCode: 'SH-1',
      roomLink: 'https://x.test/SH-1',
      creatorUserId: 'agent',
      listing: { title: '静安区, "朝南" 两居室', address: "=cmd|' /C calc'!A0", notes: '第一行\n第二行' },
      guests: [{ userId: 'g1', role: 'audience', nickname: '王女士' }],
    });
    await history.recordSnapshot('china', makeSummary({ roomCode: 'SH-1', status: 3 }));
    clock.advance(1000);
    await history.recordCreated({ profileId: 'global', roomCode: 'NY-2', roomLink: 'https://x.test/NY-2', creatorUserId: null });
  });
  afterEach(() => temp.remove());

  it('writes one CSV row per room with quoting, guards and Chinese text intact', async () => {
    const { text: csv, rooms } = await history.exportRooms({ format: 'csv' });
    expect(rooms).toBe(2);
    expect(csv.startsWith('\uFEFFroom_code,profile_id,created_at,title,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two rooms, trailing empty line
    expect(lines[1]).toContain(`"SH-1","china","2026-11-01T00:00:00.000Z","静安区, ""朝南"" 两居室","'=cmd|' /C calc'!A0",`);
    expect(lines[1]).toContain('"第一行\n第二行"');
    expect(lines[1]).toContain('王女士 (g1, audience)');
    expect(lines[1]).toContain(',3,1,');
    expect(lines[2]?.startsWith('"NY-2","global",')).toBe(true);
  });

  it('exports the chosen rooms as JSON with full records', async () => {
    const json = JSON.parse((await history.exportRooms({ format: 'json', codes: ['SH-1'] })).text);
    expect(json.version).toBe(2);
    expect(json.rooms).toHaveLength(1);
    expect(json.rooms[0]).toEqual(await history.get('SH-1'));
  });

  it('refuses an unknown room code', async () => {
    await expect(history.exportRooms({ format: 'csv', codes: ['NOPE'] })).rejects.toThrow(/not in the history/);
  });
});
