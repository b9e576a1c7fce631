/** Shared set-up of the scanner tests: the real rules and the labelled ads. */
import { join } from 'node:path';
import { createScanner, type Scanner } from '../../src/scanner/create-scanner';
import { readAdsTsv, type LabelledAd } from '../../src/scanner/read-ads-tsv';
import { locateRulesDir } from '../../src/scanner/validate-rules';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ADS_FILE = join(import.meta.dirname, 'ads.tsv');

let scanner: Scanner | undefined;

/** The scanner built from dialogs/scanner (created once per test file). */
export function getScanner(): Scanner {
  scanner ??= createScanner(locateRulesDir());
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
