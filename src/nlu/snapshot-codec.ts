/**
 * Compact, exact encoding of trained tables for the runtime cache (src/script/runtime-cache.ts):
 * typed arrays as base64 of their bytes, so a model of a few hundred thousand numbers is written
 * and read back bit for bit, and parsed in milliseconds.
 */

/** Base64 of the bytes of `values` (platform byte order: the cache is read on the machine that built it, or one like it). */
export function encodeFloats(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** The Float64Array encoded by {@link encodeFloats}. */
export function decodeFloats(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Base64 of unsigned 32-bit integers (hashed feature ids). */
export function encodeUints(values: Iterable<number>): string {
  const array = Uint32Array.from(values);
  return Buffer.from(array.buffer).toString('base64');
}

/** The integers encoded by {@link encodeUints}. */
export function decodeUints(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
