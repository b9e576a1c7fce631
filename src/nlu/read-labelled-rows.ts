/**
 * Reading a labelled evaluation set: tab-separated `lang`, `intent`, `text` per line, as written by
 * hand or exported from a spreadsheet. Accepted: an optional header line `lang<TAB>intent<TAB>text`,
 * a UTF-8 byte-order mark, CRLF line endings, blank lines, text wrapped in double quotes (with `""`
 * for a quote inside) and text that itself contains tabs. A malformed row throws with file:line.
 */
import { readFileSync } from 'node:fs';
import { INTENTS, type Intent } from '../kernel/intent';
import { LANGS, type Lang } from '../kernel/lang';

/** One labelled message. */
export interface LabelledRow<L extends string = Intent> {
  lang: Lang;
  intent: L;
  text: string;
  /** 1-based line in the file. */
  line: number;
}

const HEADER = ['lang', 'intent', 'text'];

/** True when the cells are the header line (any case, surrounding spaces and quotes ignored). */
function isHeader(cells: readonly string[]): boolean {
  return HEADER.every((name, i) => unquote(cells[i] ?? '').trim().toLowerCase() === name);
}

/** A cell without its surrounding double quotes, `""` turned back into `"` (spreadsheet export). */
function unquote(cell: string): string {
  const t = cell.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : cell;
}

/** Parses one data line; throws `file:line: ...` with what is wrong and how to fix it. */
function parseRow<L extends string>(raw: string, file: string, line: number, labels: readonly L[]): LabelledRow<L> {
  const [langCell = '', intentCell = '', ...rest] = raw.split('\t');
  if (rest.length === 0) {
    throw new Error(`${file}:${line}: expected 3 tab-separated columns (lang, intent, text), found ${raw.split('\t').length}: '${raw.slice(0, 60)}'. Separate the columns with a TAB character.`);
  }
  const lang = unquote(langCell).trim();
  const intent = unquote(intentCell).trim();
  const text = unquote(rest.join('\t'));
  if (!LANGS.includes(lang as Lang)) throw new Error(`${file}:${line}: unknown language '${lang}' in column 1 (known: ${LANGS.join(', ')})`);
  if (!labels.includes(intent as L)) throw new Error(`${file}:${line}: unknown intent '${intent}' in column 2 (known: ${labels.join(', ')})`);
  if (text.trim() === '') throw new Error(`${file}:${line}: empty text in column 3`);
  return { lang: lang as Lang, intent: intent as L, text, line };
}

/**
 * Reads a TSV evaluation set (see the file comment for what is accepted); `labels` are the names
 * column 2 may hold (the intents unless told).
 * @throws Error `file:line: ...` for a malformed row, an unknown language or intent, or an empty text.
 */
export function readLabelledRows(file: string): LabelledRow[];
export function readLabelledRows<L extends string>(file: string, labels: readonly L[]): LabelledRow<L>[];
export function readLabelledRows(file: string, labels: readonly string[] = INTENTS): LabelledRow<string>[] {
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const rows: LabelledRow<string>[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    if (i === 0 && isHeader(raw.split('\t'))) return;
    rows.push(parseRow(raw, file, i + 1, labels));
  });
  if (rows.length === 0) throw new Error(`${file}: no labelled rows (expected lines 'lang<TAB>intent<TAB>text')`);
  return rows;
}
