/**
 * Features of a folded message that survive typos and missing diacritics: words, word bigrams
 * (natural's tokenizer and n-grams) and character 3- and 4-grams over the word sequence.
 */
import { AggressiveTokenizerVi } from 'natural/lib/natural/tokenizers';
import { NGrams } from 'natural/lib/natural/ngrams';

/** A weighted bag of features. */
export type FeatureBag = Map<string, number>;

/** Relative weights of the feature families; character n-grams are many, so each counts less. */
export const FEATURE_WEIGHTS = { word: 1, bigram: 1, char: 0.3 } as const;

const tokenizer = new AggressiveTokenizerVi();

/** Politeness that carries no intent ("please", "svp", "s'il te plait"), removed before classifying. */
const POLITE = /(?<![a-z0-9])(?:please|svp|stp|s ?'? ?il (?:vous|te) plait)(?![a-z0-9])/gu;

/** Words of an already folded text, with natural's Vietnamese-aware tokenizer. */
export function tokenize(folded: string): string[] {
  return tokenizer.tokenize(folded);
}

/** Words that matter for intent: the folded text without politeness. */
export function intentTokens(folded: string): string[] {
  return tokenize(folded.replace(POLITE, ' '));
}

/** Adds `weight` to feature `key`. */
function bump(bag: FeatureBag, key: string, weight: number): void {
  bag.set(key, (bag.get(key) ?? 0) + weight);
}

/**
 * Builds the feature bag of a folded text.
 * @param folded output of `fold`.
 * @param maxTokens long texts (pasted ads) are cut to this many words: enough to classify, bounded cost.
 */
export function extractFeatures(folded: string, maxTokens = 400): FeatureBag {
  const tokens = intentTokens(folded).slice(0, maxTokens);
  const bag: FeatureBag = new Map();
  for (const t of tokens) bump(bag, `w:${t}`, FEATURE_WEIGHTS.word);
  for (const [a, b] of NGrams.bigrams(tokens)) bump(bag, `b:${a} ${b}`, FEATURE_WEIGHTS.bigram);
  const line = ` ${tokens.join(' ')} `;
  for (let n = 3; n <= 4; n++) {
    for (let i = 0; i + n <= line.length; i++) bump(bag, `c:${line.slice(i, i + n)}`, FEATURE_WEIGHTS.char);
  }
  return bag;
}
