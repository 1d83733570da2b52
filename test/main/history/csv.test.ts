import { describe, expect, it } from 'vitest';
import { encodeCell, toCsv } from '../../../main/history/csv';

/** The cells a spreadsheet sees when it splits a quoted cell's text again on `separator`. */
function resplit(cell: string, separator: string): string[] {
  const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
  return unquoted.split(separator);
}

describe('CSV cells a spreadsheet splits on ; or , are never formulas', () => {
  const attacks = ["a;=cmd|' /C calc'!A0", 'x,+1+1', 'ok;-2+3', 'n;@SUM(A1)', 'p; =1', 'q;\t=1', 'r\r=1', 's|=1'];

  it.each(attacks)('%s has no part starting like a formula', (text) => {
    const cell = encodeCell(text);
    for (const separator of [';', ',', '\t', '\r', '|']) {
      for (const part of resplit(cell, separator)) expect(part.trimStart()).not.toMatch(/^[=+\-@]/);
    }
  });

  it('quotes every text cell, leaves numbers and empty cells bare', () => {
    expect(encodeCell('plain')).toBe('"plain"');
    expect(encodeCell('静安区')).toBe('"静安区"');
    expect(encodeCell(-5)).toBe('-5');
    expect(encodeCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [['x', 3]])).toBe('\uFEFFa,b\r\n"x",3\r\n');
  });

  it('keeps ordinary text as it was', () => {
    expect(encodeCell('a=1; b-2, c@d')).toBe('"a=1; b-2, c@d"');
  });
});
