import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/nlu/types';
import { evaluateAds } from '../../src/scanner/evaluate-ads';
import { getAds, getScanner } from './helpers';

describe('scanner on the labelled ads (test/scanner/ads.tsv)', () => {
  const ads = getAds();
  const report = evaluateAds(getScanner(), ads);

  it.each(LANGS)('%s: has at least 30 scam-style and 30 legitimate ads', (lang) => {
    expect(report.totals[lang].scam).toBeGreaterThanOrEqual(30);
    expect(report.totals[lang].legit).toBeGreaterThanOrEqual(30);
  });

  it.each(LANGS)('%s: scores at least 90 %% of scam-style ads medium or high', (lang) => {
    const t = report.totals[lang];
    expect(t.scamDetected / t.scam).toBeGreaterThanOrEqual(0.9);
  });

  it.each(LANGS)('%s: scores at most 10 %% of legitimate ads high', (lang) => {
    const t = report.totals[lang];
    expect(t.legitHigh / t.legit).toBeLessThanOrEqual(0.1);
  });

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
