/**
 * Everything `npm run validate` checks, also run by the tests and at start-up:
 * dialogs and locales (loadContent), intents and danger examples (NLU), scanner rules, sources of numbers, A/B experiments.
 */
import { existsSync } from 'node:fs';
import type { Content } from '../engine/types';
import { sortDiagnostics, type Diagnostic } from '../kernel/diagnostic';
import { loadExperiments } from './load-experiments';
import { checkVariableSources } from './check-sources';
import { loadContent } from './load-content';
import { validateIntents } from '../nlu/validate-intents';
import { loadDangerExamples } from '../nlu/load-danger-examples';
import { validateScannerRules } from '../scanner/validate-rules';

/**
 * Loads the content under `rootDir` and validates everything the bot runs on: dialogs and
 * locales, intents (NLU) and scanner rules. Start-up and live reload use this, so the bot
 * never runs what `npm run validate` would refuse.
 * @returns `content` (null when any diagnostic, of any file, is an error) and every diagnostic, sorted.
 */
export function loadValidatedContent(rootDir: string): { content: Content | null; diagnostics: Diagnostic[] } {
  if (!existsSync(rootDir)) {
    return { content: null, diagnostics: [{ severity: 'error', file: rootDir, line: 1, col: 1, path: '', message: 'project folder does not exist: pass --root DIR' }] };
  }
  const loaded = loadContent(rootDir);
  const experiments = loaded.content ? loadExperiments(rootDir, loaded.content).diagnostics : [];
  const diagnostics = sortDiagnostics([
    ...loaded.diagnostics, ...validateIntents(rootDir), ...loadDangerExamples(rootDir).diagnostics, ...validateScannerRules(rootDir), ...checkVariableSources(rootDir), ...experiments,
  ]);
  const failed = diagnostics.some((d) => d.severity === 'error');
  return { content: failed ? null : loaded.content, diagnostics };
}

/** Validates the project under `rootDir`; returns every diagnostic, sorted. */
export function validateProject(rootDir: string): Diagnostic[] {
  return loadValidatedContent(rootDir).diagnostics;
}
