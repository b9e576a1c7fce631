import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/kernel/lang';
import { compileRules } from '../../src/scanner/compile-rules';
import { foldWithOffsets } from '../../src/scanner/fold-map';
import { loadRules } from '../../src/scanner/load-rules';
import { findAmounts, parseNumber } from '../../src/scanner/parse-amounts';
import { locateRulesDir } from '../../src/scanner/validate-rules';
import { getScanner } from './helpers';

const loaded = loadRules(locateRulesDir());
if (!loaded.rules) throw new Error('scanner rules do not load');
const rules = compileRules(loaded.rules);
const rate = (c: string) => loaded.rules?.pay.currencies[c]?.usd ?? NaN;
const perMonth = (p: string) => loaded.rules?.pay.periods[p]?.per_month ?? NaN;

/** Amounts found in `text`, as [value, currency, period]. */
function amountsOf(text: string, lang: Lang) {
  return findAmounts(foldWithOffsets(text).folded, rules.pay, lang).map((a) => [a.value, a.currency, a.period]);
}

describe('amount parsing', () => {
  it.each([
    ['lương 30 triệu', 'vi', 30_000_000, 'VND', 'month'],
    ['Lương 30tr', 'vi', 30_000_000, 'VND', 'month'],
    ['25 triệu/tháng', 'vi', 25_000_000, 'VND', 'month'],
    ['thu nhập 1,5 triệu/ngày', 'vi', 1_500_000, 'VND', 'day'],
    ['40 củ/tháng', 'vi', 40_000_000, 'VND', 'month'],
    ['50k/ngày', 'vi', 50_000, 'VND', 'day'],
    ['15 000 000 VND', 'vi', 15_000_000, 'VND', 'month'],
    ['15.000.000đ', 'vi', 15_000_000, 'VND', 'month'],
    ['1500$', 'vi', 1500, 'USD', 'month'],
    ['1800 đô/tháng', 'vi', 1800, 'USD', 'month'],
    ['$2,000/month', 'en', 2000, 'USD', 'month'],
    ['2.000 USD', 'en', 2000, 'USD', 'month'],
    ['$15 an hour', 'en', 15, 'USD', 'hour'],
    ['$800 weekly', 'en', 800, 'USD', 'week'],
    ['S$3,200 per month', 'en', 3200, 'SGD', 'month'],
    ['RM 2,800', 'en', 2800, 'MYR', 'month'],
    ['PHP 22,000', 'en', 22_000, 'PHP', 'month'],
    ['35,000 baht/month', 'en', 35_000, 'THB', 'month'],
    ['1 800 € par mois', 'fr', 1800, 'EUR', 'month'],
    ['2 200 € brut par mois', 'fr', 2200, 'EUR', 'month'],
    ['45K€ brut annuel', 'fr', 45_000, 'EUR', 'year'],
    ['27 k€ sur 13 mois', 'fr', 27_000, 'EUR', 'year'],
    ['900 000 FCFA par mois', 'fr', 900_000, 'XOF', 'month'],
    ['200 euros par jour', 'fr', 200, 'EUR', 'day'],
    // ranges are read as their upper bound
    ['lương 20-50tr', 'vi', 50_000_000, 'VND', 'month'],
    ['earn $100-300 per day', 'en', 300, 'USD', 'day'],
    ['£26,000-£29,000 a year', 'en', 29_000, 'GBP', 'year'],
    ['thu nhập 500k-1tr/ngày', 'vi', 1_000_000, 'VND', 'day'],
    // a period written before the amount
    ['mỗi ngày 400-700k', 'vi', 700_000, 'VND', 'day'],
    ['1 ngày 300-500k', 'vi', 500_000, 'VND', 'day'],
    ['ngày kiếm 1tr', 'vi', 1_000_000, 'VND', 'day'],
    // halves written after the multiplier, as in Vietnamese posts
    ['lương 3tr5', 'vi', 3_500_000, 'VND', 'month'],
    ['1k5 đô', 'vi', 1500, 'USD', 'month'],
    // pay per task, the bait of "task" scams
    ['50k/nhiệm vụ', 'vi', 50_000, 'VND', 'task'],
    ['$5 per like', 'en', 5, 'USD', 'task'],
    ['chaque note rapporte 5 €', 'fr', 5, 'EUR', 'task'],
    ['AED 15,000 per month', 'en', 15_000, 'AED', 'month'],
    ['190.000 yên/tháng', 'vi', 190_000, 'JPY', 'month'],
  ] as const)('%s (%s) -> %d %s per %s', (text, lang, value, currency, period) => {
    expect(amountsOf(text, lang)).toEqual([[value, currency, period]]);
  });

  it('converts to a monthly US-dollar equivalent with the rates of pay.yaml', () => {
    const [a] = findAmounts(foldWithOffsets('50k/ngày').folded, rules.pay, 'vi');
    expect(a?.usdPerMonth).toBeCloseTo(50_000 * perMonth('day') * rate('VND'), 6);
    const [b] = findAmounts(foldWithOffsets('1 800 € par mois').folded, rules.pay, 'fr');
    expect(b?.usdPerMonth).toBeCloseTo(1800 * rate('EUR'), 6);
  });

  it('does not read bare numbers, years or phone numbers as pay', () => {
    expect(amountsOf('Tuyển 20 người, năm 2026, gọi 0912 345 678, cao 1m60', 'vi')).toEqual([]);
    expect(amountsOf('We have 3 000 employees in 12 countries', 'en')).toEqual([]);
  });

  it('reads written numbers with thousands groups and decimals', () => {
    expect(parseNumber('15.000.000')).toBe(15_000_000);
    expect(parseNumber('1 800')).toBe(1800);
    expect(parseNumber('2,000')).toBe(2000);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('2.5')).toBe(2.5);
  });
});

describe('high pay', () => {
  it('flags pay far above the threshold for a low-skill job, with the amount as evidence', () => {
    const r = getScanner().scan('Tuyển nhân viên phục vụ, lương 30 triệu/tháng, liên hệ quản lý.', 'vi');
    expect(r.flags.find((f) => f.id === 'high_pay')?.evidence).toBe('30 triệu/tháng');
  });

  it('does not flag a normal salary for the job', () => {
    const r = getScanner().scan('Tuyển nhân viên phục vụ, lương 7 triệu/tháng, liên hệ quản lý.', 'vi');
    expect(r.flags.map((f) => f.id)).not.toContain('high_pay');
  });

  it('uses the higher threshold for a skilled job', () => {
    const r = getScanner().scan('Senior Java developer, salary 35 - 50 triệu/tháng, 5 years of experience.', 'en');
    expect(r.flags.map((f) => f.id)).not.toContain('high_pay');
  });

  it('compares hourly and daily pay per hour and per day, not as a full-time month', () => {
    const flagged = (text: string, lang: Lang) => getScanner().scan(text, lang).flags.some((f) => f.id === 'high_pay');
    expect(flagged('Cashier, FreshMart, $17.20/hour, 20 hrs/week.', 'en')).toBe(false);
    expect(flagged('Agents d\'entretien, 12,10 € brut de l\'heure, CDI.', 'fr')).toBe(false);
    expect(flagged('Phụ hồ, lương 350k/ngày, làm tại công trình.', 'vi')).toBe(false);
    expect(flagged('Noter des produits en ligne, 150 € par jour.', 'fr')).toBe(true);
    expect(flagged('Earn $50/hour from your phone.', 'en')).toBe(true);
    expect(flagged('Xử lý đơn hàng, thu nhập 700k-1.5tr/ngày.', 'vi')).toBe(true);
  });

  it('uses the low-skill threshold when the job title is vague', () => {
    const r = getScanner().scan('Digital marketing for an app in Dubai, 4000 € net par mois.', 'fr');
    expect(r.flags.find((f) => f.id === 'high_pay')?.evidence).toBe('4000 € net par mois');
  });

  it('does not take a fee for pay', () => {
    const r = getScanner().scan('Phí hồ sơ 30 triệu, nộp trước khi đi.', 'vi');
    expect(r.flags.map((f) => f.id)).not.toContain('high_pay');
    expect(r.flags.map((f) => f.id)).toContain('fees');
  });
});
