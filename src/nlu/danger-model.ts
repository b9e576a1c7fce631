/**
 * The danger model: a binary logistic regression (danger or not) over the intent classifier's
 * hashed features, trained on more examples than the intent phrases hold (dialogs/nlu/danger-examples/).
 * It reads danger in wordings no rule of dialogs/nlu/danger.yaml names, and the recogniser asks the
 * safety question when it is sure enough (see RecogniserOptions.dangerModelAsk). Deterministic, as
 * the logistic model it is trained with.
 */
import type { FeatureSink } from './features';
import { Logistic, type LogisticOptions } from './logistic';
import type { FeatureBag } from './features';

/** Training options of the danger model (chosen on test/nlu/README.md, round 17). */
export const DANGER_MODEL_TRAINING: LogisticOptions = { epochs: 20, rate: 2, l2: 1e-5 };

/** A trained danger model as plain data (runtime cache). */
export interface DangerModelSnapshot {
  features: Uint32Array;
  weights: Float64Array;
  intercept: number;
}

/** One training example: a feature bag and whether it tells of danger. */
export interface DangerExample {
  danger: boolean;
  bag: FeatureBag;
}

/** A trained binary danger model: one weight per feature (the logit of danger over not danger). */
export class DangerModel {
  private readonly weights = new Map<number, number>();
  private readonly intercept: number;

  /** Trains on `examples`, or restores a {@link DangerModelSnapshot}. */
  constructor(examples: readonly DangerExample[] | DangerModelSnapshot, options: LogisticOptions = DANGER_MODEL_TRAINING) {
    if (!Array.isArray(examples)) {
      const s = examples as DangerModelSnapshot;
      s.features.forEach((f, i) => this.weights.set(f, s.weights[i]!));
      this.intercept = s.intercept;
      return;
    }
    const labels = ['danger', 'other'] as const;
    const data = (examples as readonly DangerExample[]).map((e) => ({ label: e.danger ? labels[0] : labels[1], bag: e.bag }));
    const model = new Logistic<(typeof labels)[number]>(labels, data, options);
    const snapshot = model.snapshot();
    snapshot.features.forEach((f, i) => this.weights.set(f, snapshot.table[2 * i]! - snapshot.table[2 * i + 1]!));
    this.intercept = snapshot.intercept[0]! - snapshot.intercept[1]!;
  }

  /** Probability that the message whose features `emit` streams tells of danger. */
  probability(emit: (sink: FeatureSink) => void): number {
    let sum = 0;
    let norm = 0;
    const { weights } = this;
    emit((f, w) => {
      norm += w * w;
      const weight = weights.get(f);
      if (weight !== undefined) sum += w * weight;
    });
    const logit = this.intercept + (norm > 0 ? sum / Math.sqrt(norm) : 0);
    return 1 / (1 + Math.exp(-logit));
  }

  /** The trained model as plain data; `new DangerModel(snapshot)` restores it exactly. */
  snapshot(): DangerModelSnapshot {
    return { features: Uint32Array.from(this.weights.keys()), weights: Float64Array.from(this.weights.values()), intercept: this.intercept };
  }
}
