/**
 * Validated content cached by content hash: `npm run build` validates dialogs/ and locales/
 * once and writes the result beside the compiled bot; at start the bot hashes the same files
 * (cheap) and, when nothing changed since the build, uses the cached content instead of
 * parsing and validating everything again. Any difference, or no cache, means a full load.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Content } from '../engine/types';

/** Folders whose files make up the content (what the validator reads). */
const CONTENT_FOLDERS = ['dialogs', 'locales'];
const FORMAT = 2;

interface CacheFile {
  format: number;
  hash: string;
  content: Content;
}

/** SHA-256 over the names and bytes of every file under dialogs/ and locales/ of `rootDir`. */
export function hashContentFiles(rootDir: string): string {
  const hash = createHash('sha256');
  for (const folder of CONTENT_FOLDERS) {
    const dir = join(rootDir, folder);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) {
      hash.update(relative(rootDir, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

/** Writes `content` (validated, without errors) of `rootDir` to `cacheFile`. */
export function writeContentCache(rootDir: string, content: Content, cacheFile: string): void {
  const data: CacheFile = { format: FORMAT, hash: hashContentFiles(rootDir), content };
  writeFileSync(cacheFile, JSON.stringify(data));
}

/** The cached content when `cacheFile` exists and matches the files of `rootDir` now; else null. */
export function readContentCache(rootDir: string, cacheFile: string): Content | null {
  if (!existsSync(cacheFile)) return null;
  try {
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as Partial<CacheFile>;
    if (data.format !== FORMAT || !data.content || data.hash !== hashContentFiles(rootDir)) return null;
    return data.content;
  } catch {
    return null;
  }
}
