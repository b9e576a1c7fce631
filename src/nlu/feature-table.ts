/**
 * A read-only map from hashed features (32-bit keys) to numbers, in an open-addressing table of
 * typed arrays with linear probing. Models look up every feature of every message: with tens of
 * thousands of keys, this is faster than a Map, whose keys above 2^31 are not small integers.
 */
export class FeatureTable {
  private readonly keys: Uint32Array;
  private readonly values: Float64Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  /**
   * @param keys the features (distinct)
   * @param values the number of each feature, in the same order
   * @param missing what {@link get} answers for a feature that is not in the table
   */
  constructor(keys: ArrayLike<number>, values: ArrayLike<number>, private readonly missing: number) {
    let capacity = 16;
    while (capacity < keys.length * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.values = new Float64Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]! >>> 0;
      let at = this.slot(key);
      while (this.used[at] && this.keys[at] !== key) at = (at + 1) & this.mask;
      this.keys[at] = key;
      this.values[at] = values[i]!;
      this.used[at] = 1;
    }
  }

  private slot(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
  }

  /** The number of `key`, or the table's `missing` value. */
  get(key: number): number {
    const { keys, used, mask } = this;
    for (let at = this.slot(key); used[at]; at = (at + 1) & mask) if (keys[at] === key) return this.values[at]!;
    return this.missing;
  }
}
