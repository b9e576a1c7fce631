/**
 * Employer pays (ILO) and lawful fees (Law 69/2020/QH14 art. 23) in the scanner: an ad from a
 * named, licensed recruiter whose employer covers the flight, the visa and the fees is not
 * high risk; the same promises with the scam-compound pattern still are. Also the blind sets
 * of issue 12 (test/scanner/README.md): ads-blind3.tsv (written before the licensed-recruiter
 * rule) and ads-blind4.tsv (written after it, never used to tune).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAds } from '../../src/scanner/evaluate-ads';
import { readAdsTsv } from '../../src/scanner/read-ads-tsv';
import { getScanner } from './helpers';

const LICENSED =
  'Licensed recruitment agency (licence No. 123-LB) hiring 40 factory workers for Japan. 3-year contract signed before departure. ' +
  'The employer covers your flight, visa and registration fees.';

describe('scanner: licensed offers where the employer pays', () => {
  it('does not rate high a named, licensed recruiter whose employer covers flight, visa and fees', () => {
    const result = getScanner().scan(LICENSED, 'en');
    expect(result.flags.map((f) => f.id)).toContain('travel_paid');
    expect(result.risk).not.toBe('high');
  });

  it('still rates high the same promises for a job in Cambodia reached on Telegram', () => {
    const scam = `${LICENSED} Office in Sihanoukville, Cambodia. Contact us on Telegram @jobs_kh.`;
    expect(getScanner().scan(scam, 'en').risk).toBe('high');
  });

  it('rates "the company pays everything" without a licensed recruiter as a sign to check', () => {
    const result = getScanner().scan('Factory work abroad, salary 1500 USD, the company pays your flight ticket and visa. Call us.', 'en');
    expect(result.risk).not.toBe('low');
  });

  it.each([
    ['vi', 'Sang Campuchia làm việc, đi lối mở, không qua cửa khẩu, có người dẫn đường.'],
    ['vi', 'Cứ nhập cảnh Thái Lan như khách du lịch, sang đó chuyển visa sau.'],
    ['en', 'Enter Thailand visa-free as a visitor, we will convert your visa once you start.'],
    ['fr', 'Entrez comme visiteur, on va changer de visa sur place.'],
  ] as const)('flags the ways Vietnamese users are told to go without a work visa (%s)', (lang, text) => {
    expect(getScanner().scan(text, lang).flags.map((f) => f.id)).toContain('tourist_visa');
  });

  it.each(['ads-blind3.tsv', 'ads-blind4.tsv'])('%s: every scam caught, no licensed or ordinary offer rated high', (file) => {
    const report = evaluateAds(getScanner(), readAdsTsv(join(import.meta.dirname, file)));
    for (const lang of ['vi', 'fr', 'en'] as const) {
      const t = report.totals[lang];
      expect(t.scam, lang).toBeGreaterThanOrEqual(3);
      expect(t.scamDetected, lang).toBe(t.scam);
      expect(t.legitHigh, lang).toBe(0);
    }
  });
});
