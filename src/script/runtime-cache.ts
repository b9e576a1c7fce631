/**
 * The runtime cached by content hash: `npm run build` validates dialogs/ and locales/ once,
 * trains the recogniser, reads the scanner rules, and writes all of it beside the compiled
 * bot (dist/runtime-cache.bin: JSON, and the model tables as raw bytes, see binary-container.ts).
 * At start the bot hashes the same files (a few ms) and, when
 * nothing changed since the build, restores the runtime from the cache instead of parsing,
 * validating and training again. Any difference, or no cache, means a full load in process.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Content } from '../engine/types';
import type { Experiment } from '../experiments/types';
import { loadNluContent, snapshotRecogniser, type NluContent, type RecogniserSnapshot } from '../nlu/create-recogniser';
import { requireScannerRules } from '../scanner/create-scanner';
import type { ScannerRules } from '../scanner/rules-schema';
import { loadExperiments } from './load-experiments';
import { decodeContainer, encodeContainer } from './binary-container';

/** Folders whose files make up the content (what the validator reads). */
const CONTENT_FOLDERS = ['dialogs', 'locales'];
/** Version of the file's layout: a cache of another layout is ignored. */
const FORMAT = 4;

/** Everything the runtime is made of, as plain data. */
export interface CachedRuntime {
  /** Validated dialogs and locales. */
  content: Content;
  /** Training phrases, danger rules and lexicons, as read from dialogs/intents and dialogs/nlu. */
  nlu: NluContent;
  /** The recogniser trained on `nlu`. */
  recogniser: RecogniserSnapshot;
  /** Checked rules of dialogs/scanner. */
  scannerRules: ScannerRules;
  experiments: Experiment[];
}

interface CacheFile extends CachedRuntime {
  format: number;
  hash: string;
}

/** Why the cache was not used: no file, content changed since the build, or a file this version cannot read. */
export type CacheMiss = 'missing' | 'stale' | 'unreadable';

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

/**
 * Builds everything the runtime needs from `content` (validated, without errors) of `rootDir`
 * (reads the NLU content and scanner rules, trains the recogniser) and writes it to `cacheFile`.
 */
export function writeRuntimeCache(rootDir: string, content: Content, cacheFile: string): void {
  const hash = hashContentFiles(rootDir);
  const nlu = loadNluContent(join(rootDir, 'dialogs', 'intents'));
  const data: CacheFile = {
    format: FORMAT,
    hash,
    content,
    nlu,
    recogniser: snapshotRecogniser(nlu),
    scannerRules: requireScannerRules(join(rootDir, 'dialogs', 'scanner')),
    experiments: loadExperiments(rootDir, content).experiments,
  };
  writeFileSync(cacheFile, encodeContainer(data));
}

/** The cached runtime when `cacheFile` exists and matches the files of `rootDir` now; else why not. */
export function readRuntimeCache(rootDir: string, cacheFile: string): { cached: CachedRuntime } | { miss: CacheMiss } {
  if (!existsSync(cacheFile)) return { miss: 'missing' };
  let data: Partial<CacheFile>;
  try {
    data = decodeContainer(readFileSync(cacheFile)) as Partial<CacheFile>;
  } catch {
    return { miss: 'unreadable' };
  }
  if (data.format !== FORMAT || !data.content || !data.nlu || !data.recogniser || !data.scannerRules) return { miss: 'unreadable' };
  if (data.hash !== hashContentFiles(rootDir)) return { miss: 'stale' };
  const { content, nlu, recogniser, scannerRules, experiments } = data;
  return { cached: { content, nlu, recogniser, scannerRules, experiments: experiments ?? [] } };
}
