/**
 * Features of a folded message that survive typos and missing diacritics: words, word bigrams
 * (natural's tokenizer and n-grams) and character 3- and 4-grams over the word sequence.
 */
import { AggressiveTokenizerVi } from 'natural/lib/natural/tokenizers';
import { NGrams } from 'natural/lib/natural/ngrams';

import { emitCharNgrams, hashString, SEEDS, type FeatureSink } from './feature-hash';
import { CONTRACTIONS, FIRST_PERSON } from '../kernel/teencode';

export type { FeatureSink } from './feature-hash';
/** A weighted bag of hashed features. */
export type FeatureBag = Map<number, number>;

/** Relative weights of the feature families; character n-grams are many, so each counts less. */
export const FEATURE_WEIGHTS = { word: 1, bigram: 1, char: 0.3 } as const;

const tokenizer = new AggressiveTokenizerVi();

/** Politeness that carries no intent ("please", "svp", "s'il te plait"), removed before classifying. */
const POLITE = /(?<![a-z0-9])(?:please|svp|stp|s ?'? ?il (?:vous|te) plait)(?![a-z0-9])/gu;

/** Words of an already folded text, with natural's Vietnamese-aware tokenizer. */
export function tokenize(folded: string): string[] {
  return tokenizer.tokenize(folded);
}

/**
 * Words that matter for intent: the folded text without politeness, contractions written without
 * their apostrophe split like the spelled-out form ("im" -> "i m", "jai" -> "j ai").
 */
export function intentTokens(folded: string): string[] {
  return tokenize(folded.replace(POLITE, ' ')).flatMap((t) => CONTRACTIONS[t] ?? [FIRST_PERSON[t] ?? t]);
}

/** Long texts (pasted ads) are cut to this many words: enough to classify, bounded cost. */
export const MAX_TOKENS = 150;

/**
 * Streams the hashed features of a folded text's intent words to `sink` without building a bag
 * (classification path: no allocation per feature).
 */
export function emitFeatures(tokens: readonly string[], sink: FeatureSink): void {
  const words = tokens.length > MAX_TOKENS ? tokens.slice(0, MAX_TOKENS) : tokens;
  for (const t of words) sink(hashString(t, SEEDS.word), FEATURE_WEIGHTS.word);
  for (const [a, b] of NGrams.bigrams(words as string[])) {
    sink(hashString(b ?? '', hashString(a ?? '', SEEDS.bigram) ^ 32), FEATURE_WEIGHTS.bigram);
  }
  const line = ` ${words.join(' ')} `;
  emitCharNgrams(line, 3, SEEDS.char3, FEATURE_WEIGHTS.char, sink);
  emitCharNgrams(line, 4, SEEDS.char4, FEATURE_WEIGHTS.char, sink);
}

/** Builds the feature bag of a folded text (training path). */
export function extractFeatures(folded: string): FeatureBag {
  const bag: FeatureBag = new Map();
  emitFeatures(intentTokens(folded), (key, weight) => void bag.set(key, (bag.get(key) ?? 0) + weight));
  return bag;
}
