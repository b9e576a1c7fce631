/** Shared set-up of the scanner tests: the real rules and the labelled ads. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/kernel/lang';
import type { evaluateAds } from '../../src/scanner/evaluate-ads';
import type { Scanner } from '../../src/kernel/scan-result';
import { readAdsTsv, type LabelledAd } from '../../src/scanner/read-ads-tsv';
import { locateRulesDir } from '../../src/scanner/validate-rules';
import { loadScanner } from '../../src/script/load-language';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ADS_FILE = join(import.meta.dirname, 'ads.tsv');

let scanner: Scanner | undefined;

/** The scanner built from dialogs/scanner (created once per test file). */
export function getScanner(): Scanner {
  scanner ??= loadScanner(locateRulesDir());
  return scanner;
}

/** The labelled ads of test/scanner/ads.tsv. */
export function getAds(): LabelledAd[] {
  return readAdsTsv(ADS_FILE);
}

/** Removes Vietnamese and French diacritics the way people type without them. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Per language: least share of scam-style ads scored medium or high, most share of legitimate ads scored high. */
export type AdFloors = Record<Lang, { scamDetected: number; legitHigh: number }>;

/**
 * Registers the per-language checks of a labelled ad set: enough ads of each kind, enough
 * scam-style ads caught, few legitimate ads scored high. Call inside a `describe`.
 */
export function itMeetsAdFloors(report: ReturnType<typeof evaluateAds>, minPerKind: number, floors: AdFloors): void {
  it.each(LANGS)(`%s: has at least ${minPerKind} scam-style and ${minPerKind} legitimate ads`, (lang) => {
    expect(report.totals[lang].scam).toBeGreaterThanOrEqual(minPerKind);
    expect(report.totals[lang].legit).toBeGreaterThanOrEqual(minPerKind);
  });

  it.each(LANGS)('%s: scores enough scam-style ads medium or high', (lang) => {
    const t = report.totals[lang];
    expect(t.scamDetected / t.scam).toBeGreaterThanOrEqual(floors[lang].scamDetected);
  });

  it.each(LANGS)('%s: scores few legitimate ads high', (lang) => {
    const t = report.totals[lang];
    expect(t.legitHigh / t.legit).toBeLessThanOrEqual(floors[lang].legitHigh);
  });
}
