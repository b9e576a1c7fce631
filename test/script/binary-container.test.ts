/** The runtime cache's file format: typed arrays come back bit for bit, anything else is refused. */
import { describe, expect, it } from 'vitest';
import { decodeContainer, encodeContainer } from '../../src/script/binary-container';

describe('binary container', () => {
  it('round-trips plain data with typed arrays anywhere in it, bit for bit', () => {
    const value = {
      name: 'model',
      nested: [{ table: Float64Array.from([Math.PI, -0, Number.MIN_VALUE, 1e308, -1 / 3]) }, 'text é'],
      features: Uint32Array.from([0, 1, 2 ** 32 - 1, 7]),
      odd: Uint32Array.from([5]),
      after: Float64Array.from([0.1]),
    };
    const decoded = decodeContainer(encodeContainer(value)) as typeof value;
    expect(decoded).toEqual(value);
    expect(Object.is((decoded.nested[0] as { table: Float64Array }).table[1], -0)).toBe(true);
    expect(decoded.features).toBeInstanceOf(Uint32Array);
  });

  it('refuses a file that is not a container, or a truncated one', () => {
    expect(() => decodeContainer(Buffer.from('{"format":1}'))).toThrow(/not a runtime cache/);
    const whole = encodeContainer({ table: new Float64Array(100) });
    expect(() => decodeContainer(whole.subarray(0, whole.length - 8))).toThrow(/truncated/);
  });
});
