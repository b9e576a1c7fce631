/**
 * Reads amounts of pay in folded text ("30 trieu", "1500$", "$2,000/month",
 * "1 800 € par mois", "50k/ngay") and converts them to a monthly US-dollar equivalent
 * with the fixed rates of dialogs/scanner/pay.yaml.
 */
import type { Lang } from '../nlu/types';
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
  const source =
    `(?:${buildGroup('pre', currencyWords)} ?)?(?<num>${NUMBER}) ?${buildGroup('mult', multiplierWords)}?` +
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
    const mult = g.mult ? pay.multiplierByWord.get(normaliseWord(g.mult) ?? '') : undefined;
    const written = g.pre ?? g.post;
    const period = g.per ? (pay.periodByWord.get(normaliseWord(g.per) ?? '') ?? 'month') : 'month';
    const currency =
      (written ? pay.currencyByWord.get(normaliseWord(written) ?? '') : undefined) ??
      mult?.currency ??
      (mult && g.per ? pay.file.default_currency[lang] : undefined);
    const rate = currency ? pay.file.currencies[currency]?.usd : undefined;
    if (!currency || rate === undefined || g.num === undefined) continue;
    const value = parseNumber(g.num) * (mult?.value ?? 1);
    // Without a written period, a very large monthly amount is a yearly salary ("27 k€").
    const yearly = !g.per && value * rate > pay.file.yearly_when_above && pay.file.periods.year !== undefined;
    const readPeriod = yearly ? 'year' : period;
    const perMonth = pay.file.periods[readPeriod]?.per_month ?? 1;
    const end = m.index + m[0].trimEnd().length;
    out.push({ start: m.index, end, value, currency, period: readPeriod, usdPerMonth: value * perMonth * rate });
  }
  return out;
}
