/**
 * Completeness of every language against the source language, and marking a language's
 * current translations as reviewed after a translator checked them in the JSON files.
 */
import { buildCatalogue, countStatuses, type CatalogueRow, type TranslationStatus } from './catalogue';
import { listLangs } from './locale-files';
import { readTranslatedFrom, toRecordEntry, writeTranslatedFrom } from './translated-from';

export interface LangStatus {
  lang: string;
  total: number;
  counts: Record<TranslationStatus, number>;
  /** Rows that are not done, in file order. */
  todo: CatalogueRow[];
}

/** Status of every language of `localesDir` except `sourceLang`. */
export function summariseStatus(localesDir: string, sourceLang: string): LangStatus[] {
  const record = readTranslatedFrom(localesDir);
  return listLangs(localesDir)
    .filter((lang) => lang !== sourceLang)
    .map((lang) => {
      const { rows } = buildCatalogue(localesDir, sourceLang, lang, record);
      return { lang, total: rows.length, counts: countStatuses(rows), todo: rows.filter((r) => r.status !== 'done') };
    });
}

/** Formats the status as a table (and, with `list`, the keys still to do). */
export function formatStatus(statuses: LangStatus[], sourceLang: string, list = false): string {
  const total = statuses[0]?.total ?? 0;
  const lines = [`Translations compared with '${sourceLang}' (${total} texts)`, '', 'lang      done   missing   needs review   complete'];
  for (const s of statuses) {
    const pct = s.total ? Math.floor((100 * s.counts.done) / s.total) : 100;
    lines.push(
      `${s.lang.padEnd(6)}${String(s.counts.done).padStart(7)}${String(s.counts.missing).padStart(10)}${String(s.counts.changed).padStart(15)}${`${pct}%`.padStart(11)}`,
    );
  }
  if (list) {
    for (const s of statuses.filter((x) => x.todo.length)) {
      lines.push('', `${s.lang}:`);
      for (const row of s.todo) lines.push(`  ${row.status === 'missing' ? 'missing     ' : 'needs review'}  ${row.key}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Records that every current translation of `lang` was reviewed against today's source
 * texts: clears "needs review" and starts tracking translations that had no record yet.
 * Returns how many entries changed.
 */
export function markReviewed(localesDir: string, sourceLang: string, lang: string): number {
  const record = readTranslatedFrom(localesDir);
  const entries = (record[lang] ??= {});
  let changed = 0;
  for (const row of buildCatalogue(localesDir, sourceLang, lang, record).rows) {
    const entry = toRecordEntry(sourceLang, row.source);
    if (row.status === 'missing' || entries[row.key] === entry) continue;
    entries[row.key] = entry;
    changed++;
  }
  if (changed) writeTranslatedFrom(localesDir, record);
  return changed;
}
