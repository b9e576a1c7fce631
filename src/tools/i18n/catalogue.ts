/**
 * The translation catalogue of one target language: every source text with its current
 * translation and a status (missing / changed since translated / done).
 */
import { flattenLang, readLangFiles } from './locale-files';
import { hashText, parseRecordEntry, readTranslatedFrom, type TranslatedFrom } from './translated-from';

/** Status of one translation. */
export type TranslationStatus = 'missing' | 'changed' | 'done';

/** How each status is written in exported files and printed. */
export const STATUS_LABELS: Record<TranslationStatus, string> = {
  missing: 'missing',
  changed: 'changed since translated',
  done: 'done',
};

/** One row of an export. */
export interface CatalogueRow {
  key: string;
  source: string;
  translation: string;
  status: TranslationStatus;
  /** Longest the translation may be, in characters (button labels 20, messages 640). */
  maxLength?: number;
}

/** The catalogue of `target` against `source`, with the texts of every language read once. */
export interface Catalogue {
  sourceLang: string;
  targetLang: string;
  rows: CatalogueRow[];
}

/**
 * Status of a translation: missing when empty; changed when the record says it was
 * made from a source text that differs from today's; done otherwise (also when the
 * record has no entry: the translation is taken as current).
 */
export function computeStatus(
  translation: string | undefined,
  entry: string | undefined,
  textIn: (lang: string) => string | undefined,
): TranslationStatus {
  if (!translation || translation.trim() === '') return 'missing';
  const recorded = parseRecordEntry(entry);
  if (!recorded) return 'done';
  const sourceNow = textIn(recorded.sourceLang);
  return sourceNow !== undefined && hashText(sourceNow) !== recorded.hash ? 'changed' : 'done';
}

/** Builds the catalogue of `targetLang` from the files in `localesDir`. */
export function buildCatalogue(localesDir: string, sourceLang: string, targetLang: string, record?: TranslatedFrom): Catalogue {
  if (sourceLang === targetLang) throw new Error(`source and target language are both '${sourceLang}': pick another --source.`);
  const translatedFrom = record ?? readTranslatedFrom(localesDir);
  const texts = new Map<string, Map<string, string>>();
  const textsOf = (lang: string): Map<string, string> => {
    let found = texts.get(lang);
    if (!found) texts.set(lang, (found = flattenLang(readLangFiles(localesDir, lang))));
    return found;
  };
  const sourceTexts = textsOf(sourceLang);
  if (sourceTexts.size === 0) throw new Error(`no texts found in ${localesDir}/${sourceLang}/: is '${sourceLang}' the right --source?`);
  const targetTexts = textsOf(targetLang);
  const rows = [...sourceTexts].map(([key, source]): CatalogueRow => {
    const translation = targetTexts.get(key) ?? '';
    const status = computeStatus(translation, translatedFrom[targetLang]?.[key], (lang) => textsOf(lang).get(key));
    return { key, source, translation, status };
  });
  return { sourceLang, targetLang, rows };
}

/** Counts of each status in `rows`. */
export function countStatuses(rows: CatalogueRow[]): Record<TranslationStatus, number> {
  const counts: Record<TranslationStatus, number> = { missing: 0, changed: 0, done: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}
