/**
 * The danger model: a binary logistic regression (danger or not) over the intent classifier's
 * hashed features, trained on more examples than the intent phrases hold (dialogs/nlu/danger-examples/).
 * It reads danger in wordings no rule of dialogs/nlu/danger.yaml names, and the recogniser asks the
 * safety question when it is sure enough (see RecogniserOptions.dangerModelAsk). Deterministic, as
 * the logistic model it is trained with.
 */
import type { FeatureSink } from './features';
import { Logistic, type LogisticOptions } from './logistic';
import { FeatureTable } from './feature-table';
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
  private readonly features: Uint32Array;
  private readonly weights: Float64Array;
  private readonly table: FeatureTable;
  private readonly intercept: number;

  /** Trains on `examples`, or restores a {@link DangerModelSnapshot}. */
  constructor(examples: readonly DangerExample[] | DangerModelSnapshot, options: LogisticOptions = DANGER_MODEL_TRAINING) {
    if (!Array.isArray(examples)) {
      const s = examples as DangerModelSnapshot;
      this.features = s.features;
      this.weights = s.weights;
      this.intercept = s.intercept;
    } else {
      const labels = ['danger', 'other'] as const;
      const data = (examples as readonly DangerExample[]).map((e) => ({ label: e.danger ? labels[0] : labels[1], bag: e.bag }));
      const trained = new Logistic<(typeof labels)[number]>(labels, data, options).snapshot();
      this.features = trained.features;
      this.weights = Float64Array.from(this.features, (_, i) => trained.table[2 * i]! - trained.table[2 * i + 1]!);
      this.intercept = trained.intercept[0]! - trained.intercept[1]!;
    }
    this.table = new FeatureTable(this.features, this.weights, 0);
  }

  /** Probability that the message whose features `emit` streams tells of danger. */
  probability(emit: (sink: FeatureSink) => void): number {
    let sum = 0;
    let norm = 0;
    const { table } = this;
    emit((f, w) => {
      norm += w * w;
      sum += w * table.get(f);
    });
    const logit = this.intercept + (norm > 0 ? sum / Math.sqrt(norm) : 0);
    return 1 / (1 + Math.exp(-logit));
  }

  /** The trained model as plain data; `new DangerModel(snapshot)` restores it exactly. */
  snapshot(): DangerModelSnapshot {
    return { features: this.features, weights: this.weights, intercept: this.intercept };
  }
}
