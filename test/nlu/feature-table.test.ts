/**
 * The feature table behind every model's lookups (src/nlu/feature-table.ts): it answers exactly as
 * a Map would, for keys over the whole 32-bit range, colliding slots included.
 */
import { describe, expect, it } from 'vitest';
import { FeatureTable } from '../../src/nlu/feature-table';

describe('feature table', () => {
  it('answers as a Map for every stored key and the missing value for any other', () => {
    let seed = 12345;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const map = new Map<number, number>();
    while (map.size < 5000) map.set(next(), map.size * 0.5 - 7);
    map.set(0, 1.5).set(0xffffffff, -2).set(0x80000000, 3);
    const table = new FeatureTable(Uint32Array.from(map.keys()), Float64Array.from(map.values()), -1);
    for (const [key, value] of map) expect(table.get(key)).toBe(value);
    let absent = 0;
    for (let i = 0; i < 5000; i++) {
      const key = next();
      if (!map.has(key)) {
        absent++;
        expect(table.get(key)).toBe(-1);
      }
    }
    expect(absent).toBeGreaterThan(4900);
  });

  it('works empty', () => {
    expect(new FeatureTable([], [], 0).get(42)).toBe(0);
  });
});
