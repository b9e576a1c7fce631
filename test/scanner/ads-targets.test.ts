import { describe, expect, it } from 'vitest';
import { evaluateAds } from '../../src/scanner/evaluate-ads';
import { getAds, getScanner, itMeetsAdFloors } from './helpers';

const TARGET = { scamDetected: 0.9, legitHigh: 0.1 };

describe('scanner on the labelled ads (test/scanner/ads.tsv)', () => {
  const ads = getAds();
  const report = evaluateAds(getScanner(), ads);

  // The targets: at least 90 % of scam-style ads medium or high, at most 10 % of legitimate ads high.
  itMeetsAdFloors(report, 30, { vi: TARGET, fr: TARGET, en: TARGET });

  it('keeps, for every flag, the exact span of the original text as evidence', () => {
    for (const ad of ads) {
      const result = getScanner().scan(ad.text, ad.lang);
      for (const f of result.flags) {
        expect(f.evidence.length, `line ${ad.line} ${f.id}`).toBeGreaterThan(0);
        expect(ad.text.slice(f.start, f.end), `line ${ad.line} ${f.id}`).toBe(f.evidence);
        expect(f.evidence.trim(), `line ${ad.line} ${f.id} has no outer spaces`).toBe(f.evidence);
      }
      expect(new Set(result.flags.map((f) => f.id)).size).toBe(result.flags.length);
    }
  });

  it('reads every ad as an ad, and guesses the language of almost all of them', () => {
    let right = 0;
    for (const ad of ads) {
      const result = getScanner().scan(ad.text);
      expect(result.looksLikeAd, `line ${ad.line}`).toBe(true);
      if (result.lang === ad.lang) right++;
    }
    expect(right / ads.length).toBeGreaterThanOrEqual(0.97);
  });
});
