/**
 * Fast phrase matching on folded text. The text is cut into words once; each phrase is
 * looked up by its first word and checked only where that word occurs, so the cost grows
 * with the length of the ad, not with the number of phrases campaign managers add.
 * Expert `patterns` run as regular expressions.
 *
 * Regular expressions are built when first needed: a rule set holds thousands of phrases, and
 * building all their expressions (Unicode classes) would cost a few hundred ms at start-up,
 * while a scan needs those of the words it meets only.
 */
import { foldPhrase } from './fold-map';
import { buildPhraseBody, buildPhrasesSource, findSpans } from './phrase-regex';

/** A word of the folded text: a run of letters and digits. */
export interface Token {
  start: number;
  end: number;
  word: string;
}

export type Span = [number, number];

const TOKEN = /[\p{L}\p{N}]+/gu;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
const ENDS_ALNUM = /[\p{L}\p{N}]$/u;

/** Cuts folded text into words, in order. */
export function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    out.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  }
  return out;
}

/** Phrases and patterns, ready to search folded text. */
export class PhraseSet {
  /** Regex sources of the phrases by their first word, replaced by the expressions on first use. */
  private readonly byFirstWord = new Map<string, string[] | RegExp[]>();
  private readonly otherSource: string | null;
  private otherRegex: RegExp | null = null;

  /** @param phrases plain-word phrases (folded here); @param patterns regexes on folded text. */
  constructor(phrases: readonly string[], patterns: readonly string[] = []) {
    const folded = [...new Set(phrases.map(foldPhrase).filter((p) => p.length > 0))].sort((a, b) => b.length - a.length);
    const symbolStart: string[] = [];
    for (const p of folded) {
      const first = FIRST_WORD.exec(p)?.[0];
      if (!first) {
        symbolStart.push(p);
        continue;
      }
      const tail = ENDS_ALNUM.test(p) ? '(?![\\p{L}\\p{N}])' : '';
      const list = (this.byFirstWord.get(first) ?? []) as string[];
      list.push(buildPhraseBody(p, true) + tail);
      this.byFirstWord.set(first, list);
    }
    const sources = [buildPhrasesSource(symbolStart), ...patterns.map((p) => `(?:${p})`)].filter((s): s is string => !!s);
    this.otherSource = sources.length > 0 ? sources.join('|') : null;
  }

  /** True when the set has nothing to look for. */
  get isEmpty(): boolean {
    return this.byFirstWord.size === 0 && this.otherSource === null;
  }

  /** The expressions of the phrases starting with `word` (built on first use), if any. */
  private phrasesOf(word: string): RegExp[] | undefined {
    const list = this.byFirstWord.get(word);
    if (list === undefined || list.length === 0 || typeof list[0] !== 'string') return list as RegExp[] | undefined;
    const built = (list as string[]).map((source) => new RegExp(source, 'uy'));
    this.byFirstWord.set(word, built);
    return built;
  }

  /** The expression of the symbol-led phrases and patterns (built on first use), or null. */
  private get other(): RegExp | null {
    if (this.otherRegex === null && this.otherSource !== null) this.otherRegex = new RegExp(this.otherSource, 'gu');
    return this.otherRegex;
  }

  /** Longest phrase match starting at `token`, or undefined. */
  private matchAt(folded: string, token: Token): Span | undefined {
    const lists = [this.phrasesOf(token.word)];
    if (token.word.endsWith('s')) lists.push(this.phrasesOf(token.word.slice(0, -1)));
    let best: Span | undefined;
    for (const list of lists) {
      for (const re of list ?? []) {
        re.lastIndex = token.start;
        const m = re.exec(folded);
        if (m && (!best || token.start + m[0].length > best[1])) best = [token.start, token.start + m[0].length];
      }
    }
    return best;
  }

  /** Every match in `folded` (tokens from `tokenize(folded)`), sorted by start. */
  find(folded: string, tokens: readonly Token[]): Span[] {
    const out: Span[] = [];
    for (const token of tokens) {
      const span = this.matchAt(folded, token);
      if (span) out.push(span);
    }
    const other = this.other;
    if (other) {
      out.push(...findSpans(other, folded));
      out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    }
    return out;
  }

  /** True when a match lies entirely inside `[from, to)`. */
  occursIn(folded: string, tokens: readonly Token[], from: number, to: number): boolean {
    if (from >= to) return false;
    for (const token of tokens) {
      if (token.start < from) continue;
      if (token.start >= to) break;
      const span = this.matchAt(folded, token);
      if (span && span[1] <= to) return true;
    }
    const other = this.other;
    if (!other) return false;
    return findSpans(other, folded.slice(from, to)).length > 0;
  }
}
