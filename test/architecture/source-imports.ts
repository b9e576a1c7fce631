/** Reads the import graph of src/ for the architecture tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SRC = join(ROOT, 'src');

/** Every .ts file under `dir`. */
export function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Module specifiers a file imports: static, dynamic, re-exports, require/resolve calls. */
export function importsOf(file: string): string[] {
  return importsOfText(readFileSync(file, 'utf8'));
}

/** Module specifiers of a source text (see {@link importsOf}). */
export function importsOfText(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\b(?:require|resolve)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/**
 * Specifiers a source text needs at run time: `import type` / `export type` statements are left
 * out (they vanish when compiled, so they make no cycle at run time).
 */
export function runtimeImportsOfText(text: string): string[] {
  return importsOfText(text.replace(/^\s*(?:import|export)\s+type\s[^;]*;/gm, ''));
}

/** Resolves a relative specifier to its .ts file under src/ (undefined for packages). */
export function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  return base.endsWith('.ts') ? base : `${base}.ts`;
}

/** Top-level folder of a file under src/ (`nlu`, `script`), or its name for files directly in src/ (`config`). */
export function folderOf(file: string): string {
  return relative(SRC, file).split('/')[0]!.replace(/\.ts$/, '');
}
