/** Builds the runtime (validated content + recogniser + scanner) from a project folder. */
import type { Content } from '../engine/types';
import type { Diagnostic } from '../kernel/diagnostic';
import { readContentCache } from './content-cache';
import { loadValidatedContent } from './validate-project';
import { loadExperiments } from './load-experiments';
import { loadLanguageTools } from './load-language';
import type { Runtime } from './runtime';

/** Recogniser and scanner for already validated `content` of the project at `rootDir`. */
export function buildRuntime(rootDir: string, content: Content): Runtime {
  return {
    content,
    ...loadLanguageTools(rootDir),
    experiments: loadExperiments(rootDir, content).experiments,
  };
}

/**
 * Loads and validates dialogs/, locales/, intents and scanner rules under `rootDir`; with
 * `contentCache` (written by `npm run build`), skips the validation when the content files
 * are exactly those the build validated.
 * @returns runtime null when there is any error; the diagnostics say what and where.
 */
export function loadRuntime(rootDir: string, contentCache?: string): { runtime: Runtime | null; diagnostics: Diagnostic[] } {
  const cached = contentCache ? readContentCache(rootDir, contentCache) : null;
  const { content, diagnostics } = cached ? { content: cached, diagnostics: [] as Diagnostic[] } : loadValidatedContent(rootDir);
  if (!content) return { runtime: null, diagnostics };
  try {
    return { runtime: buildRuntime(rootDir, content), diagnostics };
  } catch (error) {
    const message = `cannot build the recogniser or scanner: ${(error as Error).message}`;
    return { runtime: null, diagnostics: [...diagnostics, { severity: 'error', file: 'dialogs', line: 1, col: 1, path: '', message }] };
  }
}
