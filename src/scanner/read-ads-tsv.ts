/**
 * Reads a labelled ads file (TSV with columns `label`, `lang`, `text`), as used by
 * `npm run scan:eval` and the tests. In `text`, `\n` stands for a line break,
 * `\t` for a tab and `\\` for a backslash.
 */
import { readFileSync } from 'node:fs';
import { LANGS, type Lang } from '../kernel/lang';

export type AdLabel = 'scam' | 'legit';

/** One labelled ad. */
export interface LabelledAd {
  label: AdLabel;
  lang: Lang;
  text: string;
  /** 1-based line in the file. */
  line: number;
}

const REQUIRED = ['label', 'lang', 'text'] as const;

/** Undoes the `\n`, `\t`, `\\` escapes of a TSV cell. */
export function unescapeCell(cell: string): string {
  return cell.replace(/\\([nt\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

/**
 * Parses TSV text. Throws an error naming the file, the line and the fix for a missing
 * column, an unknown label or language, or an empty text.
 */
export function parseAdsTsv(content: string, file: string): LabelledAd[] {
  const lines = content.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const index = Object.fromEntries(REQUIRED.map((c) => [c, header.indexOf(c)])) as Record<(typeof REQUIRED)[number], number>;
  const missing = REQUIRED.filter((c) => index[c] < 0);
  if (missing.length > 0) {
    throw new Error(`${file}:1: missing column(s) ${missing.join(', ')}; the first line must name the columns label, lang, text (tab-separated)`);
  }
  const ads: LabelledAd[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 2;
    const cells = raw.split('\t');
    const label = (cells[index.label] ?? '').trim();
    const lang = (cells[index.lang] ?? '').trim();
    const text = unescapeCell(cells[index.text] ?? '');
    if (label !== 'scam' && label !== 'legit') throw new Error(`${file}:${line}: label '${label}' must be scam or legit`);
    if (!(LANGS as readonly string[]).includes(lang)) throw new Error(`${file}:${line}: lang '${lang}' must be one of ${LANGS.join(', ')}`);
    if (text.trim() === '') throw new Error(`${file}:${line}: empty text`);
    ads.push({ label, lang: lang as Lang, text, line });
  });
  return ads;
}

/** Reads and parses a TSV file of labelled ads. */
export function readAdsTsv(path: string): LabelledAd[] {
  return parseAdsTsv(readFileSync(path, 'utf8'), path);
}
