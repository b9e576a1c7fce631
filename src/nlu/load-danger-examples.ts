/**
 * Reads the danger model's examples: every `.tsv` of `dialogs/nlu/danger-examples/` (columns
 * `lang`, `intent`, `text`, as the labelled sets of test/nlu). A row labelled `danger` teaches the
 * danger model what danger reads like; any other intent, or `not_danger` when the intent does not
 * matter, what only looks like it. The intent classifier trains on the rows labelled with an intent
 * other than danger (look-alikes, and what they ask for). Problems come back as `file:line` diagnostics.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { makeDiagnostic, type Diagnostic } from '../kernel/diagnostic';
import { readLabelledRows, type LabelledRow } from './read-labelled-rows';
import { INTENTS, type Intent } from '../kernel/intent';

/** Labels of an example: an intent, or `not_danger` (any intent but danger). */
export const DANGER_EXAMPLE_LABELS = [...INTENTS, 'not_danger'] as const;

/** One example of the danger model. */
export type DangerExampleRow = LabelledRow<Intent | 'not_danger'>;

/** Folder of the danger model's examples, under the project root. */
export const DANGER_EXAMPLES_DIR = join('dialogs', 'nlu', 'danger-examples');

/** Examples read from the folder: `rows` holds only the files without error. */
export interface LoadedDangerExamples {
  rows: DangerExampleRow[];
  diagnostics: Diagnostic[];
}

/** The `file:line` a reading error names, for its diagnostic. */
function lineOf(message: string): number {
  const m = /^[^\n]*?:(\d+): /.exec(message);
  return m ? Number(m[1]) : 1;
}

/**
 * Reads every `.tsv` of `<rootDir>/dialogs/nlu/danger-examples/`, in name order (none when the
 * folder does not exist).
 */
export function loadDangerExamples(rootDir: string): LoadedDangerExamples {
  const dir = join(rootDir, DANGER_EXAMPLES_DIR);
  if (!existsSync(dir)) return { rows: [], diagnostics: [] };
  const rows: DangerExampleRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tsv')).sort()) {
    const file = join(dir, name);
    const shown = relative(rootDir, file).split('\\').join('/');
    try {
      rows.push(...readLabelledRows(file, DANGER_EXAMPLE_LABELS));
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).replace(`${file}:`, '').replace(/^\d+: /, '');
      diagnostics.push(makeDiagnostic('error', shown, { line: lineOf(err instanceof Error ? err.message : ''), col: 1 }, '', message));
    }
  }
  return { rows, diagnostics };
}

/**
 * The examples of `rootDir`.
 * @throws Error listing file:line of every problem, and how to find them all.
 */
export function requireDangerExamples(rootDir: string): DangerExampleRow[] {
  const { rows, diagnostics } = loadDangerExamples(rootDir);
  if (diagnostics.length > 0) {
    throw new Error(`Cannot read the danger model's examples:\n${diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n')}\nFix these lines (npm run validate lists all problems).`);
  }
  return rows;
}
