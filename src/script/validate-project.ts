/**
 * Everything `npm run validate` checks, also run by the tests and at start-up:
 * dialogs and locales (loadContent), intents (NLU), scanner rules.
 */
import { existsSync } from 'node:fs';
import { sortDiagnostics, type Diagnostic } from './diagnostic';
import { loadContent } from './load-content';
import { validateIntents } from '../nlu/validate-intents';
import { validateScannerRules } from '../scanner/validate-rules';

/** Validates the project under `rootDir`; returns every diagnostic, sorted. */
export function validateProject(rootDir: string): Diagnostic[] {
  if (!existsSync(rootDir)) {
    return [{ severity: 'error', file: rootDir, line: 1, col: 1, path: '', message: 'project folder does not exist: pass --root DIR' }];
  }
  const { diagnostics } = loadContent(rootDir);
  return sortDiagnostics([...diagnostics, ...validateIntents(rootDir), ...validateScannerRules(rootDir)]);
}
