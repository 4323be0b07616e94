/** A value in an exported table. */
export type CellValue = string | number | Date | null;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or edge space. A text
 * starting with = + - @ (or a tab or carriage return) is what a spreadsheet would run as a formula,
 * so it is neutralised with a leading apostrophe (OWASP's advice for CSV injection).
 */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: CellValue[]): string => `${values.map(csvField).join(',')}\r\n`;

/** UTF-8 byte order mark: Excel reads the file as UTF-8 (Arabic intact) only with it. */
export const BOM = '\uFEFF';

/** Reads a CSV written by csvLine back into rows of strings (RFC 4180), for tests and checks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
