/** CSV as RFC 4180 describes it, made safe to open in Excel, LibreOffice or Numbers. */

const UTF8_BOM = '\uFEFF';
/**
 * Where a spreadsheet may read a formula (OWASP "CSV injection"): a cell starting with = + - @,
 * tab or CR, and the same after any character a spreadsheet may split on (`;` in many locales,
 * `,`, tab, line breaks, `|`), leading spaces allowed.
 */
const FORMULA_START = /(?<=(?:^|[;,\t\r\n|])[ \t]*)(?=[=+\-@\t\r])/g;

export type CsvCell = string | number | null;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  // Header names are our own identifiers, so they stay bare; every value goes through encodeCell.
  const lines = [header.map(encodeHeader).join(','), ...rows.map((row) => row.map(encodeCell).join(','))];
  // The BOM lets Excel detect UTF-8, so Chinese text is not shown as mojibake.
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** Numbers are our own values, never a formula, and stay bare; text may come from anyone: quoted and guarded. */
export function encodeCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return `"${cell.replace(FORMULA_START, "'").replace(/"/g, '""')}"`;
}

function encodeHeader(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : encodeCell(name);
}
