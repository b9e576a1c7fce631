/**
 * The intent classifier behind the recogniser: the log-space naive Bayes, the logistic regression,
 * or an ensemble of both (their probabilities mixed), all trained on the same feature bags.
 *
 * The ensemble keeps one table: per feature, the Bayes row (weighted log likelihoods and weight)
 * followed by the logistic weights, so a message costs one Map lookup per feature, as Bayes alone.
 */
import type { FeatureBag, FeatureSink } from './features';
import { LogBayes, type FeatureInput, type LogBayesOptions, type Scored } from './log-bayes';
import { Logistic, softmaxInPlace } from './logistic';

/** Which model ranks the intents. */
export type IntentModelKind = 'bayes' | 'logistic' | 'ensemble';

/** Intent classifier: one of the two linear models, or both mixed. */
export class IntentModel<L extends string> {
  private readonly bayes?: LogBayes<L>;
  private readonly logistic?: Logistic<L>;
  /** Ensemble only: feature -> offset of its fused row in `table`. */
  private readonly rows = new Map<number, number>();
  private readonly table = new Float64Array(0);
  private readonly bayesSums: Float64Array;
  private readonly logisticSums: Float64Array;

  /** Trains the model(s) of `kind` on `examples`. */
  constructor(
    readonly labels: readonly L[],
    examples: readonly { label: L; bag: FeatureBag }[],
    bayesOptions: LogBayesOptions<L> & Required<Pick<LogBayesOptions<L>, 'alpha' | 'temperature'>>,
    readonly kind: IntentModelKind,
    private readonly logisticShare: number,
  ) {
    const n = labels.length;
    this.bayesSums = new Float64Array(n);
    this.logisticSums = new Float64Array(n);
    if (kind !== 'logistic') this.bayes = new LogBayes(labels, examples, bayesOptions);
    if (kind !== 'bayes') this.logistic = new Logistic(labels, examples);
    if (this.bayes && this.logistic) {
      const width = 2 * n + 1;
      this.table = new Float64Array(this.bayes.vocabularySize * width);
      let at = 0;
      for (const f of this.bayes.features()) {
        this.bayes.copyRow(f, this.table, at);
        this.logistic.copyRow(f, this.table, at + n + 1);
        this.rows.set(f, at);
        at += width;
      }
    }
  }

  /**
   * Probabilities of every label, best first. `biasScale` scales the Bayes model's label bias
   * (see LogBayes.classify); the logistic model learns its own intercepts.
   */
  classify(features: FeatureInput, biasScale = 1): { ranked: Scored<L>[] } {
    const { bayes, logistic } = this;
    if (!logistic) return bayes!.classify(features, biasScale);
    if (!bayes) return logistic.classify(features);
    const n = this.labels.length;
    const { rows, table, bayesSums, logisticSums } = this;
    bayesSums.fill(0);
    logisticSums.fill(0);
    let weight = 0;
    let norm = 0;
    const sink: FeatureSink = (f, w) => {
      norm += w * w;
      const at = rows.get(f);
      if (at === undefined) return;
      weight += w * table[at + n]!;
      // Hot loop: indices are in range by construction.
      for (let i = 0; i < n; i++) {
        bayesSums[i]! += w * table[at + i]!;
        logisticSums[i]! += w * table[at + n + 1 + i]!;
      }
    };
    if (typeof features === 'function') features(sink);
    else for (const [f, w] of features) sink(f, w);
    bayes.probabilities(bayesSums, weight, biasScale);
    logistic.finishLogits(logisticSums, Math.sqrt(norm));
    softmaxInPlace(logisticSums);
    const share = this.logisticShare;
    const ranked = this.labels.map((label, i) => ({ label, prob: (1 - share) * bayesSums[i]! + share * logisticSums[i]! }));
    ranked.sort((a, b) => b.prob - a.prob);
    return { ranked };
  }
}
