/** Test helpers: a throwaway copy of a locales/ folder, and a byte-exact snapshot of a folder. */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURE_LOCALES = join(ROOT, 'test', 'fixtures', 'tools', 'locales');

/** Copies `from` (a locales/ folder) into a new temp dir; returns the root and its locales dir. */
export function copyLocales(from = FIXTURE_LOCALES): { root: string; localesDir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'thinkfirst-i18n-'));
  const localesDir = join(root, 'locales');
  cpSync(from, localesDir, { recursive: true });
  return { root, localesDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file under `dir` (relative path -> exact content). */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = readFileSync(path, 'utf8');
  }
  return out;
}
