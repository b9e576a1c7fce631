/**
 * Feature hashing: features are 32-bit FNV-1a hashes instead of strings, so that classifying a
 * message allocates no key strings and Map lookups use small integers. Each feature family has its
 * own seed; with a few thousand features per model, collisions are negligible.
 */

/** Receives hashed features one by one (a feature may come several times; weights add up). */
export type FeatureSink = (key: number, weight: number) => void;

const FNV_PRIME = 16777619;

/** FNV-1a hash of `text[from, to)` continuing from `seed`. */
export function hashRange(text: string, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Hash of a whole string. */
export function hashString(text: string, seed: number): number {
  return hashRange(text, 0, text.length, seed);
}

/** Emits every character n-gram of `line` (n fixed) with the given family seed and weight. */
export function emitCharNgrams(line: string, n: number, seed: number, weight: number, sink: FeatureSink): void {
  for (let i = 0; i + n <= line.length; i++) sink(hashRange(line, i, i + n, seed), weight);
}

/** Distinct seeds of the feature families (any distinct odd 32-bit numbers). */
export const SEEDS = {
  word: 2166136261,
  bigram: 0x9e3779b1,
  char3: 0x85ebca6b,
  char4: 0xc2b2ae35,
  lang1: 0x27d4eb2f,
  lang2: 0x165667b1,
  lang3: 0xd3a2646c,
  langWord: 0xfd7046c5,
} as const;
