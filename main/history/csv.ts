/** CSV as RFC 4180 describes it, made safe to open in Excel. */

const UTF8_BOM = '\uFEFF';
/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(encodeCell).join(','));
  // The BOM lets Excel detect UTF-8, so Chinese text is not shown as mojibake.
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

export function encodeCell(cell: CsvCell): string {
  if (cell === null) return '';
  // Numbers are our own values, never a formula; text may come from anyone and is guarded.
  const text = typeof cell === 'number' ? String(cell) : guardFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
