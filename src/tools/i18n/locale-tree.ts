/**
 * Nested i18next resources (`{ "ask_fee": { "question": "..." } }`) as flat, ordered
 * key/text pairs (`ask_fee.question`), and back, keeping the order of existing keys.
 */

/** A nested locale object as parsed from JSON. */
export type LocaleTree = { [key: string]: string | LocaleTree | unknown };

function isTree(value: unknown): value is LocaleTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens a locale tree to `[path, text]` pairs in file order; non-string leaves are skipped. */
export function flattenTree(tree: unknown, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  if (!isTree(tree)) return out;
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.push([path, value]);
    else out.push(...flattenTree(value, path));
  }
  return out;
}

/** Inserts `key: value` into `obj` right after the nearest earlier sibling of `order` it holds. */
function insertOrdered(obj: LocaleTree, key: string, value: unknown, order: string[]): void {
  const at = order.indexOf(key);
  let after: string | undefined;
  for (let i = at - 1; i >= 0 && after === undefined; i--) {
    const sibling = order[i];
    if (sibling !== undefined && sibling in obj) after = sibling;
  }
  const entries = Object.entries(obj);
  const index = after === undefined ? (at < 0 ? entries.length : 0) : entries.findIndex(([k]) => k === after) + 1;
  entries.splice(index, 0, [key, value]);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
}

/**
 * Sets the text at dotted `path` in `tree` (mutates). An existing key keeps its place;
 * a new key goes where it stands in `sourceTree` (after its nearest earlier sibling).
 * Throws when a parent on the path is text rather than an object.
 */
export function writeTreePath(tree: LocaleTree, path: string, value: string, sourceTree: unknown): void {
  const parts = path.split('.');
  let node = tree;
  let source: unknown = sourceTree;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const order = isTree(source) ? Object.keys(source) : [];
    if (!(part in node)) insertOrdered(node, part, last ? value : {}, order);
    else if (last) node[part] = value;
    if (!last) {
      const child = node[part];
      if (!isTree(child)) {
        throw new Error(`cannot set '${path}': '${parts.slice(0, i + 1).join('.')}' is a text, not a group of keys`);
      }
      node = child;
      source = isTree(source) ? source[part] : undefined;
    }
  });
}
