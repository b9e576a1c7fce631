/**
 * Reads amounts of pay in folded text ("30 trieu", "1500$", "$2,000/month",
 * "1 800 € par mois", "50k/ngay") and converts them to a monthly US-dollar equivalent
 * with the fixed rates of dialogs/scanner/pay.yaml.
 */
import type { Lang } from '../kernel/lang';
import { foldPhrase } from './fold-map';
import { buildPhrasesSource } from './phrase-regex';
import type { PayFile } from './rules-schema';

/** One amount of pay found in the folded text. */
export interface Amount {
  /** Span in the folded text. */
  start: number;
  end: number;
  /** Value as written, times its multiplier ("30 triệu" -> 30000000). */
  value: number;
  currency: string;
  /** Period id of pay.yaml (`month` when none is written, `year` above `yearly_when_above`). */
  period: string;
  /** US-dollar equivalent per `period` (as written: per hour, per day...). */
  usdPerPeriod: number;
  /** Monthly US-dollar equivalent. */
  usdPerMonth: number;
}

/** pay.yaml turned into one regex and lookup tables. */
export interface CompiledPay {
  regex: RegExp;
  currencyByWord: Map<string, string>;
  multiplierByWord: Map<string, { value: number; currency?: string }>;
  periodByWord: Map<string, string>;
  file: PayFile;
}

const NUMBER = '(?<![\\p{N}.,])(?:\\d{1,3}(?:[ .,]\\d{3})+|\\d+)(?:[.,]\\d{1,2})?(?![\\p{N}])';

/** Digits glued after a multiplier, as Vietnamese write halves: "3tr5" = 3.5 million, "1k5" = 1500. */
const FRACTION = (name: string) => `(?<${name}>\\d{1,2}(?![\\p{N}]))?`;

/** `whole` times the multiplier, plus the glued fraction digits ("3tr5" -> 3.5 x 1e6). */
function applyMultiplier(whole: number, mult: number, fraction: string | undefined): number {
  return whole * mult + (fraction ? (Number(fraction) * mult) / 10 ** fraction.length : 0);
}

/** Regex group of whole words, or a never-matching group when the list is empty. */
function buildGroup(name: string, words: readonly string[]): string {
  return `(?<${name}>${buildPhrasesSource(words, true) ?? '(?!)'})`;
}

/** Maps every folded word of each entry to that entry's value. */
function indexWords<T>(entries: Array<[T, readonly string[]]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const w of words) map.set(foldPhrase(w), value);
  return map;
}

/** Compiles the amount grammar of pay.yaml. */
export function compilePay(file: PayFile): CompiledPay {
  const currencyWords = Object.values(file.currencies).flatMap((c) => c.words);
  const multiplierWords = file.multipliers.flatMap((m) => m.words);
  const periodWords = Object.values(file.periods).flatMap((p) => p.words);
  const before = file.period_before;
  // "mỗi ngày 500k", "ngày kiếm 1tr": a period written before the amount.
  const periodFirst = before
    ? `(?:(?:${buildPhrasesSource(before.connectors) ?? '(?!)'}) ?${buildGroup('per0', periodWords)}` +
      `|${buildGroup('per1', periodWords)} ?(?:${buildPhrasesSource(before.verbs) ?? '(?!)'})) ?:? ?`
    : '(?!)';
  // A range ("20-50tr", "$100-300", "£26,000-£29,000") is read as its upper bound.
  const source =
    `(?:${periodFirst})?` +
    `(?:${buildGroup('pre', currencyWords)} ?)?(?<num>${NUMBER})(?: ?${buildGroup('mult0', multiplierWords)}${FRACTION('frac0')})?` +
    `(?: ?[-–~] ?(?:${buildGroup('pre2', currencyWords)} ?)?(?<num2>${NUMBER}))?` +
    `(?: ?${buildGroup('mult', multiplierWords)}${FRACTION('frac')})?` +
    ` ?${buildGroup('post', currencyWords)}?` +
    `(?: ?(?:${buildPhrasesSource(file.fillers) ?? '(?!)'})?` +
    ` ?(?:${buildPhrasesSource(file.connectors) ?? '(?!)'})? ?${buildGroup('per', periodWords)})?`;
  return {
    regex: new RegExp(source, 'gu'),
    currencyByWord: indexWords(Object.entries(file.currencies).map(([id, c]) => [id, c.words])),
    multiplierByWord: indexWords(file.multipliers.map((m) => [{ value: m.value, currency: m.currency }, m.words])),
    periodByWord: indexWords(Object.entries(file.periods).map(([id, p]) => [id, p.words])),
    file,
  };
}

/**
 * Parses a written number: "15.000.000" and "1 800" and "2,000" are thousands groups,
 * "1,5" and "2.5" are decimals.
 */
export function parseNumber(text: string): number {
  const grouped = /^(\d{1,3}(?:[ .,]\d{3})+)(?:[.,](\d{1,2}))?$/.exec(text);
  if (grouped) {
    const whole = Number((grouped[1] ?? '').replace(/[ .,]/g, ''));
    return grouped[2] ? whole + Number(`0.${grouped[2]}`) : whole;
  }
  return Number(text.replace(',', '.'));
}

/** Folded text of a named group, with gaps squeezed, for the lookup tables. */
function normaliseWord(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.replace(/[^\p{L}\p{N}$€¥₱₹฿៛']+/gu, ' ').trim() || text.trim();
}

/**
 * Finds every amount of pay in `folded`. A bare number is not pay: it needs a
 * currency, a multiplier that implies one, or a multiplier and a period (then the
 * currency is the default one of `lang`).
 */
export function findAmounts(folded: string, pay: CompiledPay, lang: Lang): Amount[] {
  const out: Amount[] = [];
  const re = pay.regex;
  re.lastIndex = 0;
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    const g = m.groups ?? {};
    const lookup = <T>(map: Map<string, T>, word: string | undefined) => (word ? map.get(normaliseWord(word) ?? '') : undefined);
    const mult = lookup(pay.multiplierByWord, g.mult);
    // The first number may have its own multiplier ("500k-1tr", "50k/ngày"); else it shares the last one.
    const mult0 = lookup(pay.multiplierByWord, g.mult0) ?? mult;
    const perWord = g.per ?? g.per0 ?? g.per1;
    const period = perWord ? (lookup(pay.periodByWord, perWord) ?? 'month') : 'month';
    const written = g.pre ?? g.pre2 ?? g.post;
    const currency =
      lookup(pay.currencyByWord, written) ??
      mult?.currency ??
      mult0?.currency ??
      ((mult ?? mult0) && perWord ? pay.file.default_currency[lang] : undefined);
    const rate = currency ? pay.file.currencies[currency]?.usd : undefined;
    if (!currency || rate === undefined || g.num === undefined) continue;
    const first = applyMultiplier(parseNumber(g.num), mult0?.value ?? 1, g.frac0 ?? (g.num2 === undefined ? g.frac : undefined));
    const value = g.num2 === undefined ? first : Math.max(first, applyMultiplier(parseNumber(g.num2), mult?.value ?? 1, g.frac));
    // Without a written period, a very large monthly amount is a yearly salary ("27 k€").
    const yearly = !perWord && value * rate > pay.file.yearly_when_above && pay.file.periods.year !== undefined;
    const readPeriod = yearly ? 'year' : period;
    const perMonth = pay.file.periods[readPeriod]?.per_month ?? 1;
    const end = m.index + m[0].trimEnd().length;
    const usdPerPeriod = value * rate;
    out.push({ start: m.index, end, value, currency, period: readPeriod, usdPerPeriod, usdPerMonth: usdPerPeriod * perMonth });
  }
  return out;
}
