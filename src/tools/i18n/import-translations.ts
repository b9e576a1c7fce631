/**
 * Applies a translation file to locales/<lang>/*.json: checks every row first (known key,
 * same {{variables}} as the source, NFC), writes nothing when any row is wrong, and
 * reports what changed. Files whose texts did not change are not rewritten.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { variablesInText } from '../../script/locale-index';
import { computeStatus } from './catalogue';
import type { ImportFile } from './exchange-file';
import { flattenLang, readLangFiles, splitKey, toLocalePath, writeLocaleFile } from './locale-files';
import { writeTreePath, type LocaleTree } from './locale-tree';
import { readTextLimits } from './text-limits';
import { RECORD_FILE, readTranslatedFrom, toRecordEntry, writeTranslatedFrom } from './translated-from';

/** What an import did (or would do, with errors). */
export interface ImportReport {
  sourceLang: string;
  targetLang: string;
  added: string[];
  changed: string[];
  /** "Changed since translated" rows the translator marked done without editing. */
  confirmed: string[];
  unchanged: number;
  /** Rows left empty in the file while a translation exists: kept as it is. */
  keptEmpty: string[];
  /** Texts converted to NFC (composed accents) before writing. */
  normalised: string[];
  /** Rows whose source text changed after the export: they stay marked for review. */
  sourceChanged: string[];
  /** Problems, `file:line: message`. When any, nothing was written. */
  errors: string[];
  filesWritten: string[];
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function describeVars(vars: string[]): string {
  return vars.length ? vars.map((v) => `{{${v}}}`).join(' ') : 'none';
}

/**
 * Imports `file` (already parsed; `fileName` for messages) into `localesDir`.
 * With `dryRun`, checks and reports without writing.
 */
export function importTranslations(localesDir: string, file: ImportFile, fileName: string, dryRun = false): ImportReport {
  const { sourceLang, targetLang } = file;
  const report: ImportReport = {
    sourceLang, targetLang, added: [], changed: [], confirmed: [], unchanged: 0,
    keptEmpty: [], normalised: [], sourceChanged: [], errors: [], filesWritten: [],
  };
  const where = (line: number) => `${fileName}:${line}`;
  if (!existsSync(join(localesDir, targetLang))) {
    report.errors.push(`${where(1)}: the target language '${targetLang}' has no folder ${join(localesDir, targetLang)}.`);
    return report;
  }
  const sourceFiles = readLangFiles(localesDir, sourceLang);
  const sourceTexts = flattenLang(sourceFiles);
  const targetFiles = readLangFiles(localesDir, targetLang);
  const targetTexts = flattenLang(targetFiles);
  const record = readTranslatedFrom(localesDir);
  const entries = (record[targetLang] ??= {});
  const textIn = (key: string) => (lang: string) =>
    lang === sourceLang ? sourceTexts.get(key) : flattenLang(readLangFiles(localesDir, lang)).get(key);
  const limits = readTextLimits(localesDir);
  const updates: { key: string; text: string }[] = [];
  const seen = new Set<string>();
  let recordChanged = false;

  for (const row of file.rows) {
    const source = sourceTexts.get(row.key);
    if (seen.has(row.key)) report.errors.push(`${where(row.line)}: key '${row.key}' appears twice; keep one row.`);
    seen.add(row.key);
    if (source === undefined) {
      report.errors.push(`${where(row.line)}: unknown key '${row.key}' (not in locales/${sourceLang}/); was it renamed? Export again.`);
      continue;
    }
    const current = targetTexts.get(row.key) ?? '';
    if (row.translation.trim() === '') {
      if (current !== '') report.keptEmpty.push(row.key);
      continue;
    }
    const text = row.translation.normalize('NFC');
    if (text !== row.translation) report.normalised.push(row.key);
    const expected = variablesInText(source);
    const got = variablesInText(text);
    if (!sameSet(expected, got)) {
      report.errors.push(`${where(row.line)}: '${row.key}' has ${describeVars(got)} but the ${sourceLang} text has ${describeVars(expected)}; keep every {{variable}} exactly as in the source.`);
      continue;
    }
    const length = limits.measure(text);
    const limit = limits.limitOf(row.key);
    if (length > limit) {
      report.errors.push(`${where(row.line)}: '${row.key}' is ${length} characters, over its limit of ${limit} (the 'max length' column): shorten it.`);
      continue;
    }
    if (row.source.normalize('NFC') !== source.normalize('NFC')) report.sourceChanged.push(row.key);
    const entry = toRecordEntry(sourceLang, row.source);
    if (text !== current) {
      (current === '' ? report.added : report.changed).push(row.key);
      updates.push({ key: row.key, text });
    } else if (row.status === 'done' && computeStatus(current, entries[row.key], textIn(row.key)) === 'changed') {
      report.confirmed.push(row.key);
    } else {
      report.unchanged++;
      continue;
    }
    if (entries[row.key] !== entry) {
      entries[row.key] = entry;
      recordChanged = true;
    }
  }
  if (report.errors.length || dryRun) return report;

  const touched = new Set<string>();
  for (const { key, text } of updates) {
    const { ns, path } = splitKey(key);
    let tree = targetFiles.get(ns);
    if (!tree) targetFiles.set(ns, (tree = {} as LocaleTree));
    writeTreePath(tree, path, text, sourceFiles.get(ns));
    touched.add(ns);
  }
  for (const ns of [...touched].sort()) {
    writeLocaleFile(localesDir, targetLang, ns, targetFiles.get(ns) ?? {});
    report.filesWritten.push(toLocalePath(localesDir, targetLang, ns));
  }
  if (recordChanged) {
    writeTranslatedFrom(localesDir, record);
    report.filesWritten.push(join(localesDir, RECORD_FILE));
  }
  return report;
}
