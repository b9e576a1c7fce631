/**
 * Fast phrase matching on folded text. The text is cut into words once; each phrase is
 * looked up by its first word and checked only where that word occurs, so the cost grows
 * with the length of the ad, not with the number of phrases campaign managers add.
 * Expert `patterns` run as regular expressions.
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
  private readonly byFirstWord = new Map<string, RegExp[]>();
  private readonly other: RegExp | null;

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
      const list = this.byFirstWord.get(first) ?? [];
      list.push(new RegExp(buildPhraseBody(p, true) + tail, 'uy'));
      this.byFirstWord.set(first, list);
    }
    const sources = [buildPhrasesSource(symbolStart), ...patterns.map((p) => `(?:${p})`)].filter((s): s is string => !!s);
    this.other = sources.length > 0 ? new RegExp(sources.join('|'), 'gu') : null;
  }

  /** True when the set has nothing to look for. */
  get isEmpty(): boolean {
    return this.byFirstWord.size === 0 && this.other === null;
  }

  /** Longest phrase match starting at `token`, or undefined. */
  private matchAt(folded: string, token: Token): Span | undefined {
    const lists = [this.byFirstWord.get(token.word)];
    if (token.word.endsWith('s')) lists.push(this.byFirstWord.get(token.word.slice(0, -1)));
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
    if (this.other) {
      out.push(...findSpans(this.other, folded));
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
    if (!this.other) return false;
    return findSpans(this.other, folded.slice(from, to)).length > 0;
  }
}
