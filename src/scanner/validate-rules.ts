/**
 * Validation of the scanner rules for `npm run validate`, the tests and start-up.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sortDiagnostics, type Diagnostic } from '../kernel/diagnostic';
import { loadRules } from './load-rules';

/** Folder of the scanner rules inside the project. */
export const SCANNER_RULES_DIR = 'dialogs/scanner';

/**
 * Checks `<rootDir>/dialogs/scanner/*.yaml` and returns its problems, sorted, with paths
 * relative to `rootDir` and `file:line:col` positions. Errors mean the scanner cannot start.
 */
export function validateScannerRules(rootDir: string): Diagnostic[] {
  return sortDiagnostics(loadRules(join(rootDir, SCANNER_RULES_DIR), rootDir).diagnostics);
}

/** Absolute path of this project's dialogs/scanner folder, wherever the process runs from. */
export function locateRulesDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', SCANNER_RULES_DIR);
}
