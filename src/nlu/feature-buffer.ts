/**
 * A message's hashed features kept once, replayed to every model that reads them (the intent
 * classifier, the danger model): hashing the words and character n-grams is most of a
 * classification's cost. Reused from message to message, so it allocates only when a longer
 * message than any before comes.
 */
import { emitFeatures, type FeatureSink } from './features';

/** Reusable store of one message's features. */
export class FeatureBuffer {
  private keys = new Uint32Array(512);
  private weights = new Float64Array(512);
  private size = 0;

  /** Keeps the features of `tokens` (see emitFeatures), replacing the previous message's. */
  fill(tokens: readonly string[]): this {
    this.size = 0;
    emitFeatures(tokens, (key, weight) => {
      if (this.size === this.keys.length) this.grow();
      this.keys[this.size] = key;
      this.weights[this.size++] = weight;
    });
    return this;
  }

  /** Streams the kept features to `sink`, in the order they were emitted. */
  readonly replay = (sink: FeatureSink): void => {
    const { keys, weights, size } = this;
    for (let i = 0; i < size; i++) sink(keys[i]!, weights[i]!);
  };

  private grow(): void {
    const keys = new Uint32Array(this.keys.length * 2);
    const weights = new Float64Array(this.weights.length * 2);
    keys.set(this.keys);
    weights.set(this.weights);
    this.keys = keys;
    this.weights = weights;
  }
}
