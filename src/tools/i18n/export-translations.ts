/**
 * Writes one translation file per target language (CSV or XLIFF) and reads such a file
 * back, choosing the format by its extension.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { buildCatalogue, countStatuses, type TranslationStatus } from './catalogue';
import { formatCsv, parseCsv } from './csv-format';
import type { ImportFile } from './exchange-file';
import { listLangs } from './locale-files';
import { decodeTextFile } from './decode-text-file';
import { readTextLimits } from './text-limits';
import { readTranslatedFrom } from './translated-from';
import { formatXliff, parseXliff } from './xliff-format';

export type ExchangeFormat = 'csv' | 'xliff';

const EXTENSIONS: Record<ExchangeFormat, string> = { csv: 'csv', xliff: 'xlf' };

export interface ExportOptions {
  format: ExchangeFormat;
  sourceLang: string;
  outDir: string;
  /** Target languages (default: every language folder but the source). */
  langs?: string[];
}

export interface ExportedFile {
  lang: string;
  path: string;
  counts: Record<TranslationStatus, number>;
}

/** Checks a `--format` value. */
export function parseFormat(value: string): ExchangeFormat {
  if (value === 'csv' || value === 'xliff') return value;
  throw new Error(`unknown format '${value}': use --format csv (spreadsheets) or --format xliff (translation tools).`);
}

/** Writes `<outDir>/thinkfirst-<lang>.<csv|xlf>` for every target language. */
export function exportTranslations(localesDir: string, options: ExportOptions): ExportedFile[] {
  const known = listLangs(localesDir);
  const langs = options.langs ?? known.filter((l) => l !== options.sourceLang);
  if (!known.includes(options.sourceLang)) {
    throw new Error(`no folder ${join(localesDir, options.sourceLang)}: --source must be one of ${known.join(', ')}.`);
  }
  const record = readTranslatedFrom(localesDir);
  const limits = readTextLimits(localesDir);
  mkdirSync(options.outDir, { recursive: true });
  return langs.map((lang) => {
    const catalogue = buildCatalogue(localesDir, options.sourceLang, lang, record);
    for (const row of catalogue.rows) row.maxLength = limits.limitOf(row.key);
    const path = join(options.outDir, `thinkfirst-${lang}.${EXTENSIONS[options.format]}`);
    writeFileSync(path, options.format === 'csv' ? formatCsv(catalogue) : formatXliff(catalogue));
    return { lang, path, counts: countStatuses(catalogue.rows) };
  });
}

/**
 * Reads a `.csv`, `.xlf` or `.xliff` translation file.
 * @throws when the file is not UTF-8 (see decodeTextFile), before any row is read.
 */
export function readTranslationFile(path: string): ImportFile {
  const text = decodeTextFile(readFileSync(path), path);
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return parseCsv(text, path);
  if (ext === '.xlf' || ext === '.xliff') return parseXliff(text, path);
  throw new Error(`${path}: unknown file type '${ext}': expected .csv, .xlf or .xliff.`);
}
