/**
 * The intent classifier behind the recogniser: the log-space naive Bayes, the logistic regression,
 * or an ensemble of both (their probabilities mixed), all trained on the same feature bags.
 *
 * The ensemble keeps one table: per feature, the Bayes row (weighted log likelihoods and weight)
 * followed by the logistic weights, so a message costs one Map lookup per feature, as Bayes alone.
 */
import type { FeatureSink } from './features';
import { LogBayes, type FeatureInput, type LogBayesOptions, type LogBayesSnapshot, type Scored, type TrainingExamples } from './log-bayes';
import { Logistic, softmaxInPlace, type LogisticSnapshot } from './logistic';

/** Which model ranks the intents. */
export type IntentModelKind = 'bayes' | 'logistic' | 'ensemble';

/** A trained intent model as plain data (runtime cache): the snapshot of each of its models. */
export interface IntentModelSnapshot {
  bayes?: LogBayesSnapshot;
  logistic?: LogisticSnapshot;
}

/** Intent classifier: one of the two linear models, or both mixed. */
export class IntentModel<L extends string> {
  private readonly bayes?: LogBayes<L>;
  private readonly logistic?: Logistic<L>;
  /** Ensemble only: feature -> offset of its fused row in `table`. */
  private readonly rows = new Map<number, number>();
  private readonly table = new Float64Array(0);
  private readonly bayesSums: Float64Array;
  private readonly logisticSums: Float64Array;

  /** Trains the model(s) of `kind` on `examples`, or restores them from a {@link IntentModelSnapshot}. */
  constructor(
    readonly labels: readonly L[],
    examples: TrainingExamples<L> | IntentModelSnapshot,
    bayesOptions: LogBayesOptions<L> & Required<Pick<LogBayesOptions<L>, 'alpha' | 'temperature'>>,
    readonly kind: IntentModelKind,
    private readonly logisticShare: number,
  ) {
    const n = labels.length;
    this.bayesSums = new Float64Array(n);
    this.logisticSums = new Float64Array(n);
    const trained = Array.isArray(examples) ? null : (examples as IntentModelSnapshot);
    const source = <S>(snapshot: S | undefined, name: string): TrainingExamples<L> | S => {
      if (!trained) return examples as TrainingExamples<L>;
      if (!snapshot) throw new Error(`IntentModel: the snapshot has no ${name} model, which a '${kind}' model needs`);
      return snapshot;
    };
    if (kind !== 'logistic') this.bayes = new LogBayes(labels, source(trained?.bayes, 'bayes'), bayesOptions);
    if (kind !== 'bayes') this.logistic = new Logistic(labels, source(trained?.logistic, 'logistic'));
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

  /** The trained model(s) as plain data; `new IntentModel(labels, snapshot, …)` with the same options restores them. */
  snapshot(): IntentModelSnapshot {
    return { ...(this.bayes ? { bayes: this.bayes.snapshot() } : {}), ...(this.logistic ? { logistic: this.logistic.snapshot() } : {}) };
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
