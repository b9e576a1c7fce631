/**
 * One file holding a JSON value whose typed arrays (trained model tables: a few MB of numbers)
 * are stored as raw bytes beside the JSON instead of inside it, so reading the file costs a
 * JSON.parse of the small part and a copy of the rest: no number is printed or parsed, and each
 * comes back bit for bit.
 *
 * Layout: `TFBC`, the JSON's byte length (uint32 LE), the JSON (UTF-8), zero padding to a
 * multiple of 8, then the arrays' bytes, each starting at a multiple of 8. The JSON is
 * `{ value, arrays: [{ path, type, offset, length }] }`; each typed array of `value` is null there.
 */

const MAGIC = 'TFBC';
const HEADER = 8;

type ArrayType = 'Float64Array' | 'Uint32Array';
const CONSTRUCTORS = { Float64Array, Uint32Array } as const;

interface ArrayPlace {
  path: (string | number)[];
  type: ArrayType;
  /** Byte offset in the binary part. */
  offset: number;
  /** Number of elements. */
  length: number;
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** Encodes `value` (plain data, Float64Array and Uint32Array anywhere in it) as one buffer. */
export function encodeContainer(value: unknown): Buffer {
  const arrays: ArrayPlace[] = [];
  const parts: Buffer[] = [];
  let offset = 0;
  const strip = (node: unknown, path: (string | number)[]): unknown => {
    if (node instanceof Float64Array || node instanceof Uint32Array) {
      const type: ArrayType = node instanceof Float64Array ? 'Float64Array' : 'Uint32Array';
      const bytes = Buffer.from(node.buffer, node.byteOffset, node.byteLength);
      arrays.push({ path, type, offset, length: node.length });
      const padded = align8(bytes.length);
      parts.push(bytes, Buffer.alloc(padded - bytes.length));
      offset += padded;
      return null;
    }
    if (Array.isArray(node)) return node.map((item, i) => strip(item, [...path, i]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, strip(item, [...path, key])]));
    }
    return node;
  };
  const json = Buffer.from(JSON.stringify({ value: strip(value, []), arrays }), 'utf8');
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(json.length, 4);
  const start = align8(HEADER + json.length);
  return Buffer.concat([header, json, Buffer.alloc(start - HEADER - json.length), ...parts]);
}

/**
 * Decodes a buffer written by {@link encodeContainer}.
 * @throws Error when `buffer` is not such a container (another file, a truncated one).
 */
export function decodeContainer(buffer: Buffer): unknown {
  if (buffer.length < HEADER || buffer.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a runtime cache container');
  const jsonLength = buffer.readUInt32LE(4);
  const start = align8(HEADER + jsonLength);
  if (start > buffer.length) throw new Error('truncated runtime cache container');
  const { value, arrays } = JSON.parse(buffer.toString('utf8', HEADER, HEADER + jsonLength)) as { value: unknown; arrays: ArrayPlace[] };
  for (const place of arrays) {
    const Type = CONSTRUCTORS[place.type];
    const from = start + place.offset;
    const end = from + place.length * Type.BYTES_PER_ELEMENT;
    if (end > buffer.length) throw new Error('truncated runtime cache container');
    // A copy: the file's buffer may not be aligned for the element size.
    const array = new Type(place.length);
    new Uint8Array(array.buffer).set(buffer.subarray(from, end));
    setAt(value, place.path, array);
  }
  return value;
}

/** Sets `value` at `path` inside `root`. */
function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}
