/**
 * The record of which source text each translation was made from:
 * `locales/.translated-from.json` = `{ <lang>: { <key>: "<sourceLang>:<hash>" } }`.
 * When the source text changes, its hash no longer matches and the translation is
 * marked "changed since translated" until a translator confirms or replaces it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File name of the record inside locales/. */
export const RECORD_FILE = '.translated-from.json';

/** lang -> key -> `<sourceLang>:<hash of the source text>`. */
export type TranslatedFrom = Record<string, Record<string, string>>;

/** Short hash of a source text (NFC), as stored in the record. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 16);
}

/** Record entry for a translation made from `text` in `sourceLang`. */
export function toRecordEntry(sourceLang: string, text: string): string {
  return `${sourceLang}:${hashText(text)}`;
}

/** Splits a record entry into its source language and hash, or undefined when malformed. */
export function parseRecordEntry(entry: string | undefined): { sourceLang: string; hash: string } | undefined {
  const match = entry ? /^([a-z]{2,3}):([0-9a-f]+)$/.exec(entry) : null;
  return match ? { sourceLang: match[1] ?? '', hash: match[2] ?? '' } : undefined;
}

/** Reads the record (empty when the file does not exist yet). */
export function readTranslatedFrom(localesDir: string): TranslatedFrom {
  const path = join(localesDir, RECORD_FILE);
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as TranslatedFrom;
  } catch (err) {
    throw new Error(`${path} is not valid JSON (${(err as Error).message}); restore it from git.`);
  }
}

/** Writes the record with languages and keys sorted, for stable diffs. */
export function writeTranslatedFrom(localesDir: string, record: TranslatedFrom): void {
  const sorted: TranslatedFrom = {};
  for (const lang of Object.keys(record).sort()) {
    const entries = Object.entries(record[lang] ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length) sorted[lang] = Object.fromEntries(entries);
  }
  writeFileSync(join(localesDir, RECORD_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}
