/**
 * CSV translation files (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * show Vietnamese and French correctly). Columns: key, source (<lang>),
 * translation (<lang>), status, max length (characters the translation may have; files
 * from before that column are still read). Reading accepts `,`, `;` or tab as separator.
 */
import { STATUS_LABELS, type Catalogue } from './catalogue';
import { fileError, parseStatus, type ImportFile, type ImportRow } from './exchange-file';

const BOM = '\uFEFF';
/** Header of the fifth column. */
export const MAX_LENGTH_COLUMN = 'max length';

function quote(cell: string): string {
  return /[",;\t\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Formats a catalogue as CSV text. */
export function formatCsv(catalogue: Catalogue): string {
  const header = ['key', `source (${catalogue.sourceLang})`, `translation (${catalogue.targetLang})`, 'status', MAX_LENGTH_COLUMN];
  const lines = [header, ...catalogue.rows.map((r) => [r.key, r.source, r.translation, STATUS_LABELS[r.status], r.maxLength === undefined ? '' : String(r.maxLength)])];
  return `${BOM}${lines.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Splits CSV text into records of cells, each with the line where it starts. */
function splitRecords(text: string, separator: string, file: string): { cells: string[]; line: number }[] {
  const records: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x !== '')) records.push({ cells, line: start });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += c;
  }
  if (quoted) throw fileError(file, start, 'a quoted cell is never closed: a " is missing.');
  cells.push(cell);
  if (cells.some((x) => x !== '')) records.push({ cells, line: start });
  return records;
}

function readLang(header: string | undefined, column: string, file: string): string {
  const match = header ? new RegExp(`^${column}\\s*\\(([a-z]{2,3})\\)$`, 'i').exec(header.trim()) : null;
  if (!match?.[1]) throw fileError(file, 1, `column 2 and 3 must be '${column === 'source' ? 'source (en)' : 'translation (fr)'}'-style headers naming the language; got '${header ?? ''}'.`);
  return match[1].toLowerCase();
}

/** Reads CSV text written by {@link formatCsv} (possibly re-saved by a spreadsheet). */
export function parseCsv(text: string, file: string): ImportFile {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator = [',', ';', '\t'].find((s) => firstLine.startsWith(`key${s}`));
  if (!separator) throw fileError(file, 1, `the first line must start with the column 'key' (got '${firstLine.slice(0, 40)}').`);
  const [header, ...records] = splitRecords(body, separator, file);
  const sourceLang = readLang(header?.cells[1], 'source', file);
  const targetLang = readLang(header?.cells[2], 'translation', file);
  const columns = header?.cells[4]?.trim().toLowerCase() === MAX_LENGTH_COLUMN ? 5 : 4;
  const rows = records.map(({ cells, line }): ImportRow => {
    const [key = '', source = '', translation = '', status = ''] = cells;
    if (cells.length > columns) {
      throw fileError(file, line, `${cells.length} cells instead of ${columns}: put texts with commas inside "double quotes".`);
    }
    return { key: key.trim(), source, translation, status: parseStatus(status), line };
  });
  return { sourceLang, targetLang, rows };
}
