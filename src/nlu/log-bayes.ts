/**
 * Multinomial naive Bayes over weighted feature bags, scored in log space.
 *
 * Why not natural's BayesClassifier directly: it multiplies raw probabilities (a pasted ad of a few
 * hundred words underflows to 0 for every class), stems with an English stemmer, and classifies
 * about 100x slower than needed (see bench/nlu.ts). This model keeps one row of log
 * likelihoods per feature in a flat Float64Array, so classifying is one Map lookup per feature, and turns the sums into
 * probabilities with a length-normalised softmax that stays finite for any input length.
 */
import type { FeatureBag, FeatureSink } from './features';
import { FeatureTable } from './feature-table';

/** Features given as a bag, or as a function that streams them to a sink. */
export type FeatureInput = FeatureBag | ((sink: FeatureSink) => void);

/** A label and its normalised probability. */
export interface Scored<L extends string> {
  label: L;
  prob: number;
}

/** Options of the model. */
export interface LogBayesOptions<L extends string = string> {
  /** Additive (Lidstone) smoothing. */
  alpha?: number;
  /** Sharpness of the softmax over per-feature mean log likelihoods. */
  temperature?: number;
  /**
   * Weigh each feature by how much it tells the labels apart: 1 minus the normalised entropy of the
   * labels given the feature. Words and n-grams shared by many labels ("how do i", "is the") then
   * count little, and a message made of them alone does not look confidently like any label.
   */
  informative?: boolean;
  /**
   * Log-space bias added to a label's prior. A broad label (`unknown`, trained on every other
   * topic) spreads its mass over many features, so each one looks less likely under it than under
   * a narrow label; a small bias compensates.
   */
  bias?: Readonly<Partial<Record<L, number>>>;
}

/** A trained model as data (runtime cache): its features in row order and its table. */
export interface LogBayesSnapshot {
  features: Uint32Array;
  table: Float64Array;
}

/** Labelled feature bags to train on. */
export type TrainingExamples<L extends string> = readonly { label: L; bag: FeatureBag }[];

/** A trained log-space naive Bayes model. */
export class LogBayes<L extends string> {
  /** Feature -> offset of its row in `table`. */
  private readonly rows = new Map<number, number>();
  /** The same as `rows`, for the lookups of classification (-1: not seen in training). */
  private readonly lookup: FeatureTable;
  /**
   * One row per feature, rows laid end to end: `labels.length` log likelihoods multiplied by the
   * feature's weight, then the weight itself.
   */
  private readonly table: Float64Array;
  private readonly logPrior: Float64Array;
  /** Per-label bias (LogBayesOptions.bias), added to the prior at classification, scaled by the caller. */
  private readonly bias: Float64Array;

  /**
   * Trains on labelled feature bags. Every label gets the same prior: the training files hold a
   * similar number of phrases per intent, and real traffic is not distributed like them anyway.
   * Given a {@link LogBayesSnapshot} instead of examples, restores that trained model as it was.
   */
  constructor(
    readonly labels: readonly L[],
    examples: TrainingExamples<L> | LogBayesSnapshot,
    private readonly options: LogBayesOptions<L> & Required<Pick<LogBayesOptions<L>, 'alpha' | 'temperature'>>,
  ) {
    this.logPrior = new Float64Array(labels.length).fill(-Math.log(labels.length));
    this.bias = Float64Array.from(labels, (l) => options.bias?.[l] ?? 0);
    if (!Array.isArray(examples)) {
      const snapshot = examples as LogBayesSnapshot;
      this.table = snapshot.table;
      const width = labels.length + 1;
      snapshot.features.forEach((f, i) => this.rows.set(f, i * width));
      if (this.rows.size * width !== this.table.length) throw new Error(`LogBayes: snapshot of ${this.rows.size} features does not fit a table of ${this.table.length} numbers for ${labels.length} labels`);
      this.lookup = new FeatureTable(snapshot.features, Float64Array.from(this.rows.values()), -1);
      return;
    }
    const index = new Map(labels.map((l, i) => [l, i] as const));
    const counts = new Map<number, Float64Array>();
    const totals = new Float64Array(labels.length);
    for (const { label, bag } of examples as TrainingExamples<L>) {
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
    const n = labels.length;
    const width = n + 1;
    this.table = new Float64Array(vocab * width);
    let offset = 0;
    const logLik = new Float64Array(n);
    for (const [f, row] of counts) {
      for (let i = 0; i < n; i++) logLik[i] = Math.log((row[i] ?? 0) + alpha) - (denom[i] ?? 0);
      const weight = options.informative ? informativeness(logLik) : 1;
      for (let i = 0; i < n; i++) this.table[offset + i] = weight * (logLik[i] ?? 0);
      this.table[offset + n] = weight;
      this.rows.set(f, offset);
      offset += width;
    }
    this.lookup = new FeatureTable(Uint32Array.from(this.rows.keys()), Float64Array.from(this.rows.values()), -1);
  }

  /** The trained model as plain data; `new LogBayes(labels, snapshot, options)` restores it exactly. */
  snapshot(): LogBayesSnapshot {
    return { features: Uint32Array.from(this.rows.keys()), table: this.table };
  }

  /** Number of distinct features seen in training. */
  get vocabularySize(): number {
    return this.rows.size;
  }

  /**
   * Probabilities of every label, best first. Features never seen in training are ignored
   * (they carry no evidence). `known` is the share of the input's weight that was recognised.
   * `biasScale` multiplies the label bias (0 for none, 1 for the full bias).
   */
  classify(features: FeatureInput, biasScale = 1): { ranked: Scored<L>[]; known: number } {
    const n = this.labels.length;
    const sums = new Float64Array(n);
    let weight = 0;
    let seen = 0;
    let total = 0;
    const { lookup, table } = this;
    const sink: FeatureSink = (f, w) => {
      total += w;
      const at = lookup.get(f);
      if (at < 0) return;
      weight += w * table[at + n]!;
      seen += w;
      // Hot loop: indices are in range by construction.
      for (let i = 0; i < n; i++) sums[i]! += w * table[at + i]!;
    };
    if (typeof features === 'function') features(sink);
    else for (const [f, w] of features) sink(f, w);
    this.probabilities(sums, weight, biasScale);
    const ranked = this.labels.map((label, i) => ({ label, prob: sums[i]! }));
    ranked.sort((a, b) => b.prob - a.prob);
    return { ranked, known: total > 0 ? seen / total : 0 };
  }

  /**
   * Turns `sums` (per label, the weighted log likelihoods of a message's features, as in
   * `classify`) into probabilities in place; `weight` is the sum of the features' weights.
   */
  probabilities(sums: Float64Array, weight: number, biasScale = 1): void {
    const n = this.labels.length;
    const scale = weight > 0 ? this.options.temperature / weight : 0;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      sums[i] = (this.logPrior[i] ?? 0) + biasScale * (this.bias[i] ?? 0) + (sums[i] ?? 0) * scale;
      if ((sums[i] ?? 0) > max) max = sums[i] ?? 0;
    }
    let z = 0;
    for (let i = 0; i < n; i++) z += sums[i] = Math.exp((sums[i] ?? 0) - max);
    for (let i = 0; i < n; i++) sums[i]! /= z;
  }

  /**
   * Copies the row of feature `f` (labels.length weighted log likelihoods, then the feature's
   * weight) into `out` from `at`; false if the feature was not seen in training.
   */
  copyRow(f: number, out: Float64Array, at: number): boolean {
    const from = this.rows.get(f);
    if (from === undefined) return false;
    out.set(this.table.subarray(from, from + this.labels.length + 1), at);
    return true;
  }

  /** The features seen in training. */
  features(): IterableIterator<number> {
    return this.rows.keys();
  }

  /** Sum of log likelihoods per label (no normalisation): used by language identification. */
  logScores(features: FeatureInput): Float64Array {
    const n = this.labels.length;
    const sums = new Float64Array(this.logPrior);
    const { lookup, table } = this;
    const sink: FeatureSink = (f, w) => {
      const at = lookup.get(f);
      if (at < 0) return;
      for (let i = 0; i < n; i++) sums[i]! += w * table[at + i]!;
    };
    if (typeof features === 'function') features(sink);
    else for (const [f, w] of features) sink(f, w);
    return sums;
  }
}

/**
 * 1 minus the entropy of P(label | feature) over log(labels), from the feature's log likelihoods
 * under each label (equal priors): 1 for a feature seen under one label only, near 0 for a feature
 * used alike by every label.
 */
function informativeness(logLik: Float64Array): number {
  let max = -Infinity;
  for (const l of logLik) if (l > max) max = l;
  let z = 0;
  for (const l of logLik) z += Math.exp(l - max);
  let entropy = 0;
  for (const l of logLik) {
    const p = Math.exp(l - max) / z;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.max(1 - entropy / Math.log(logLik.length), MIN_INFORMATIVENESS);
}

/** Floor of a feature's weight, so that a message of common words still has some evidence. */
const MIN_INFORMATIVENESS = 0.05;
