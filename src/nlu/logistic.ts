/**
 * Multinomial logistic regression over the same hashed feature bags as the naive Bayes model,
 * trained in-process by stochastic gradient descent. Deterministic: the example order is shuffled
 * by a fixed-seed generator, so the same phrases always give the same weights (no downloads, no
 * randomness at start-up). Inputs are scaled to unit length so a pasted ad and a two-word message
 * give logits of the same size.
 */
import type { FeatureSink } from './features';
import type { FeatureInput, Scored, TrainingExamples } from './log-bayes';

/** Training options of the logistic model. */
export interface LogisticOptions {
  /** Passes over the training phrases. */
  epochs: number;
  /** Initial learning rate, decayed linearly to a tenth over the passes. */
  rate: number;
  /** L2 penalty applied to the weights a step touches. */
  l2: number;
}

/** Defaults chosen on the validation mix (test/nlu/README.md, round 7). */
export const DEFAULT_LOGISTIC: LogisticOptions = { epochs: 8, rate: 2, l2: 1e-5 };

/** A trained logistic model as data (runtime cache): its features in row order, its weights and intercepts. */
export interface LogisticSnapshot {
  features: Uint32Array;
  table: Float64Array;
  intercept: Float64Array;
}

/** A trained multinomial logistic regression. */
export class Logistic<L extends string> {
  /** Feature -> offset of its weight row in `table`. */
  private readonly rows = new Map<number, number>();
  private readonly table: Float64Array;
  private readonly intercept: Float64Array;

  /**
   * Trains on labelled feature bags; throws if an example's label is not one of `labels`.
   * Given a {@link LogisticSnapshot} instead of examples, restores that trained model as it was.
   */
  constructor(
    readonly labels: readonly L[],
    examples: TrainingExamples<L> | LogisticSnapshot,
    options: LogisticOptions = DEFAULT_LOGISTIC,
  ) {
    const n = labels.length;
    if (!Array.isArray(examples)) {
      const snapshot = examples as LogisticSnapshot;
      this.table = snapshot.table;
      this.intercept = snapshot.intercept;
      snapshot.features.forEach((f, i) => this.rows.set(f, i * n));
      return;
    }
    const index = new Map(labels.map((l, i) => [l, i] as const));
    const data = (examples as TrainingExamples<L>).map(({ label, bag }) => {
      const li = index.get(label);
      if (li === undefined) throw new Error(`Logistic: example labelled '${label}' is not one of ${labels.join(', ')}`);
      let norm = 0;
      for (const w of bag.values()) norm += w * w;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      const feats: number[] = [];
      const weights: number[] = [];
      for (const [f, w] of bag) {
        let at = this.rows.get(f);
        if (at === undefined) this.rows.set(f, (at = this.rows.size * n));
        feats.push(at);
        weights.push(w * scale);
      }
      return { li, feats, weights };
    });
    this.table = new Float64Array(this.rows.size * n);
    this.intercept = new Float64Array(n);
    const order = data.map((_, i) => i);
    let seed = 0x2545f491;
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const logits = new Float64Array(n);
    const { table, intercept } = this;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const rate = options.rate * (1 - (0.9 * epoch) / Math.max(options.epochs - 1, 1));
      for (const k of order) {
        const { li, feats, weights } = data[k]!;
        logits.set(intercept);
        for (let f = 0; f < feats.length; f++) {
          const at = feats[f]!;
          const w = weights[f]!;
          for (let c = 0; c < n; c++) logits[c]! += w * table[at + c]!;
        }
        softmaxInPlace(logits);
        logits[li]! -= 1; // gradient of the cross-entropy: p - y
        for (let c = 0; c < n; c++) intercept[c]! -= rate * logits[c]!;
        for (let f = 0; f < feats.length; f++) {
          const at = feats[f]!;
          const w = weights[f]!;
          for (let c = 0; c < n; c++) table[at + c] = table[at + c]! * (1 - rate * options.l2) - rate * w * logits[c]!;
        }
      }
    }
  }

  /**
   * Log-probabilities (unnormalised logits) of every label for `features`, written into `out`;
   * returns the share of the input's weight seen in training.
   */
  logits(features: FeatureInput, out: Float64Array): number {
    const n = this.labels.length;
    const sums = new Float64Array(n);
    let norm = 0;
    let seen = 0;
    let total = 0;
    const { rows, table } = this;
    const sink: FeatureSink = (f, w) => {
      norm += w * w;
      total += w;
      const at = rows.get(f);
      if (at === undefined) return;
      seen += w;
      for (let i = 0; i < n; i++) sums[i]! += w * table[at + i]!;
    };
    if (typeof features === 'function') features(sink);
    else for (const [f, w] of features) sink(f, w);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < n; i++) out[i] = this.intercept[i]! + sums[i]! * scale;
    return total > 0 ? seen / total : 0;
  }

  /** The trained model as plain data; `new Logistic(labels, snapshot)` restores it exactly. */
  snapshot(): LogisticSnapshot {
    return { features: Uint32Array.from(this.rows.keys()), table: this.table, intercept: this.intercept };
  }

  /** Copies the weights of feature `f` into `out` from `at`; false if it was not seen in training. */
  copyRow(f: number, out: Float64Array, at: number): boolean {
    const from = this.rows.get(f);
    if (from === undefined) return false;
    out.set(this.table.subarray(from, from + this.labels.length), at);
    return true;
  }

  /** Adds the intercepts to `sums` and scales the feature part by 1 / `norm` (the input's L2 norm). */
  finishLogits(sums: Float64Array, norm: number): void {
    const scale = norm > 0 ? 1 / norm : 0;
    for (let i = 0; i < sums.length; i++) sums[i] = this.intercept[i]! + sums[i]! * scale;
  }

  /** Probabilities of every label, best first, and the share of the input seen in training. */
  classify(features: FeatureInput): { ranked: Scored<L>[]; known: number } {
    const out = new Float64Array(this.labels.length);
    const known = this.logits(features, out);
    softmaxInPlace(out);
    const ranked = this.labels.map((label, i) => ({ label, prob: out[i]! }));
    ranked.sort((a, b) => b.prob - a.prob);
    return { ranked, known };
  }
}

/** Replaces logits by their softmax probabilities. */
export function softmaxInPlace(v: Float64Array): void {
  let max = -Infinity;
  for (const x of v) if (x > max) max = x;
  let z = 0;
  for (let i = 0; i < v.length; i++) z += v[i] = Math.exp(v[i]! - max);
  for (let i = 0; i < v.length; i++) v[i]! /= z;
}
