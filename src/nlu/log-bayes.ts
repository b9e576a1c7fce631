/**
 * Multinomial naive Bayes over weighted feature bags, scored in log space.
 *
 * Why not natural's BayesClassifier directly: it multiplies raw probabilities (a pasted ad of a few
 * hundred words underflows to 0 for every class), stems with an English stemmer, and classifies
 * about 100x slower than needed (see bench/nlu.ts). This model keeps one Float64Array of log
 * likelihoods per feature, so classifying is one Map lookup per feature, and turns the sums into
 * probabilities with a length-normalised softmax that stays finite for any input length.
 */
import type { FeatureBag } from './features';

/** A label and its normalised probability. */
export interface Scored<L extends string> {
  label: L;
  prob: number;
}

/** Options of the model. */
export interface LogBayesOptions {
  /** Additive (Lidstone) smoothing. */
  alpha?: number;
  /** Sharpness of the softmax over per-feature mean log likelihoods. */
  temperature?: number;
}

/** A trained log-space naive Bayes model. */
export class LogBayes<L extends string> {
  private readonly logLik = new Map<string, Float64Array>();
  private readonly logPrior: Float64Array;

  /**
   * Trains on labelled feature bags. Every label gets the same prior: the training files hold a
   * similar number of phrases per intent, and real traffic is not distributed like them anyway.
   */
  constructor(
    readonly labels: readonly L[],
    examples: readonly { label: L; bag: FeatureBag }[],
    private readonly options: Required<LogBayesOptions>,
  ) {
    const index = new Map(labels.map((l, i) => [l, i] as const));
    const counts = new Map<string, Float64Array>();
    const totals = new Float64Array(labels.length);
    for (const { label, bag } of examples) {
      const li = index.get(label);
      if (li === undefined) throw new Error(`LogBayes: example labelled '${label}' is not one of ${labels.join(', ')}`);
      for (const [f, w] of bag) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = new Float64Array(labels.length)));
        row[li] = (row[li] ?? 0) + w;
        totals[li] = (totals[li] ?? 0) + w;
      }
    }
    const { alpha } = options;
    const vocab = counts.size;
    const denom = Array.from(totals, (t) => Math.log(t + alpha * vocab));
    for (const [f, row] of counts) {
      const out = new Float64Array(labels.length);
      for (let i = 0; i < labels.length; i++) out[i] = Math.log((row[i] ?? 0) + alpha) - (denom[i] ?? 0);
      this.logLik.set(f, out);
    }
    this.logPrior = new Float64Array(labels.length).fill(-Math.log(labels.length));
  }

  /** Number of distinct features seen in training. */
  get vocabularySize(): number {
    return this.logLik.size;
  }

  /**
   * Probabilities of every label, best first. Features never seen in training are ignored
   * (they carry no evidence). `known` is the share of the input's weight that was recognised.
   */
  classify(bag: FeatureBag): { ranked: Scored<L>[]; known: number } {
    const n = this.labels.length;
    const sums = new Float64Array(n);
    let weight = 0;
    let total = 0;
    for (const [f, w] of bag) {
      total += w;
      const row = this.logLik.get(f);
      if (!row) continue;
      weight += w;
      for (let i = 0; i < n; i++) sums[i] = (sums[i] ?? 0) + w * (row[i] ?? 0);
    }
    const scale = weight > 0 ? this.options.temperature / weight : 0;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      sums[i] = (this.logPrior[i] ?? 0) + (sums[i] ?? 0) * scale;
      if ((sums[i] ?? 0) > max) max = sums[i] ?? 0;
    }
    let z = 0;
    for (let i = 0; i < n; i++) z += Math.exp((sums[i] ?? 0) - max);
    const ranked = this.labels.map((label, i) => ({ label, prob: Math.exp((sums[i] ?? 0) - max) / z }));
    ranked.sort((a, b) => b.prob - a.prob);
    return { ranked, known: total > 0 ? weight / total : 0 };
  }

  /** Sum of log likelihoods per label (no normalisation): used by language identification. */
  logScores(bag: FeatureBag): Float64Array {
    const n = this.labels.length;
    const sums = new Float64Array(this.logPrior);
    for (const [f, w] of bag) {
      const row = this.logLik.get(f);
      if (!row) continue;
      for (let i = 0; i < n; i++) sums[i] = (sums[i] ?? 0) + w * (row[i] ?? 0);
    }
    return sums;
  }
}
