/** Reads a shipped text by key (`namespace:path`), so tests compare with the content, not a copy of it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The text of `key` (e.g. `menu:intro.text`) in `lang`, from `locales/` under `root`.
 * @throws naming the file and key when the key is not a string.
 */
export function readLocaleText(lang: string, key: string, root = ROOT): string {
  const [ns, path = ''] = key.split(':', 2) as [string, string?];
  const file = join(root, 'locales', lang, `${ns}.json`);
  let node: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') throw new Error(`${file}: no text at '${path}'`);
  return node;
}

/** The repository root. */
export const REPO_ROOT = ROOT;
