import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { exportTranslations, readTranslationFile, type ExchangeFormat } from '../../src/tools/i18n/export-translations';
import { importTranslations } from '../../src/tools/i18n/import-translations';
import { ROOT, copyLocales, snapshotDir } from './temp-locales';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function roundTrip(from: string | undefined, format: ExchangeFormat, sourceLang = 'en') {
  const tmp = copyLocales(from);
  cleanups.push(tmp.cleanup);
  const before = snapshotDir(tmp.localesDir);
  const files = exportTranslations(tmp.localesDir, { format, sourceLang, outDir: join(tmp.root, 'out') });
  const reports = files.map((f) => importTranslations(tmp.localesDir, readTranslationFile(f.path), f.path));
  return { before, after: snapshotDir(tmp.localesDir), files, reports };
}

describe('export -> import round trip changes nothing', () => {
  for (const format of ['csv', 'xliff'] as const) {
    it(`on the fixture locales (${format}), with missing and multi-line texts and quotes`, () => {
      const { before, after, files, reports } = roundTrip(undefined, format);
      expect(files.map((f) => f.lang)).toEqual(['fr', 'vi']);
      expect(files.find((f) => f.lang === 'fr')?.counts.missing).toBe(1);
      expect(after).toEqual(before);
      for (const r of reports) {
        expect(r.errors).toEqual([]);
        expect([...r.added, ...r.changed, ...r.confirmed, ...r.normalised]).toEqual([]);
        expect(r.filesWritten).toEqual([]);
      }
    });

    it(`on the project's real locales (${format})`, () => {
      const { before, after, reports } = roundTrip(join(ROOT, 'locales'), format);
      expect(Object.keys(before).length).toBeGreaterThan(10);
      expect(after).toEqual(before);
      expect(reports.flatMap((r) => r.errors)).toEqual([]);
      expect(reports.every((r) => r.unchanged > 100)).toBe(true);
    });
  }

  it('also from French as the source language', () => {
    const { before, after, files } = roundTrip(undefined, 'csv', 'fr');
    expect(files.map((f) => f.lang)).toEqual(['en', 'vi']);
    expect(after).toEqual(before);
  });
});
