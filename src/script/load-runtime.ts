/** Builds the runtime (validated content + recogniser + scanner) from a project folder, or from the runtime cache. */
import type { Content } from '../engine/types';
import type { Diagnostic } from '../kernel/diagnostic';
import { readRuntimeCache, type CachedRuntime, type CacheMiss } from './runtime-cache';
import { loadValidatedContent } from './validate-project';
import { loadExperiments } from './load-experiments';
import { loadLanguageTools, restoreLanguageTools } from './load-language';
import type { Runtime } from './runtime';

/** Recogniser and scanner for already validated `content` of the project at `rootDir`. */
export function buildRuntime(rootDir: string, content: Content): Runtime {
  return {
    content,
    ...loadLanguageTools(rootDir),
    experiments: loadExperiments(rootDir, content).experiments,
  };
}

/** The runtime of a cache entry (no parsing, validation or training). */
export function restoreRuntime(cached: CachedRuntime): Runtime {
  return {
    content: cached.content,
    ...restoreLanguageTools(cached.nlu, cached.recogniser, cached.scannerRules),
    experiments: cached.experiments,
  };
}

/** Outcome of {@link loadRuntime}. */
export interface LoadedRuntime {
  /** Null when there is any error; the diagnostics say what and where. */
  runtime: Runtime | null;
  diagnostics: Diagnostic[];
  /** `used` when the runtime came from the cache; else why the cache was not used (`none`: no cache asked for). */
  cache: 'used' | 'none' | CacheMiss;
}

/**
 * Loads and validates dialogs/, locales/, intents and scanner rules under `rootDir` and trains
 * the recogniser; with `cacheFile` (dist/runtime-cache.bin, written by `npm run build`),
 * restores all of it from the cache instead when the content files are exactly those the
 * build validated.
 */
export function loadRuntime(rootDir: string, cacheFile?: string): LoadedRuntime {
  const read = cacheFile ? readRuntimeCache(rootDir, cacheFile) : { miss: 'none' as const };
  if ('cached' in read) return { runtime: restoreRuntime(read.cached), diagnostics: [], cache: 'used' };
  const { content, diagnostics } = loadValidatedContent(rootDir);
  if (!content) return { runtime: null, diagnostics, cache: read.miss };
  try {
    return { runtime: buildRuntime(rootDir, content), diagnostics, cache: read.miss };
  } catch (error) {
    const message = `cannot build the recogniser or scanner: ${(error as Error).message}`;
    return { runtime: null, diagnostics: [...diagnostics, { severity: 'error', file: 'dialogs', line: 1, col: 1, path: '', message }], cache: read.miss };
  }
}
