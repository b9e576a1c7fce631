/**
 * Reads one content file of the recogniser (dialogs/nlu/*.yaml) against its schema, with
 * `file:line:col` diagnostics like every other `npm run validate` message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { z } from 'zod';
import { formatDiagnostic, type Diagnostic } from '../kernel/diagnostic';
import { makeDiagnostic } from '../kernel/diagnostic';
import { parseYamlSource, positionOf, type SourceFile } from '../kernel/source-file';
import { LANGS } from '../kernel/lang';

/** A file read and checked against its schema: `data` only when the shape is right. */
export interface ReadNluYaml<T> {
  data?: T;
  src?: SourceFile;
  diagnostics: Diagnostic[];
}

/**
 * Reads `file` and checks it against `schema`.
 * @param rootDir project root: diagnostic paths are relative to it.
 */
export function readNluYaml<T>(rootDir: string, file: string, schema: z.ZodType<T>): ReadNluYaml<T> {
  const shown = relative(rootDir, file).split(sep).join('/');
  if (!existsSync(file)) {
    return { diagnostics: [makeDiagnostic('error', shown, { line: 1, col: 1 }, '', `file is missing: the recogniser needs it (restore it from git: git checkout -- ${shown})`)] };
  }
  const parsed = parseYamlSource(shown, readFileSync(file, 'utf8'));
  const src = parsed.source;
  if (!src) return { diagnostics: parsed.diagnostics };
  const checked = schema.safeParse(src.data);
  if (checked.success) return { data: checked.data, src, diagnostics: [] };
  return {
    src,
    diagnostics: checked.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const last = String(path.at(-1) ?? '');
      const message = issue.code === 'invalid_type' && (LANGS as readonly string[]).includes(last)
        ? `missing list '${last}': every list needs vi, fr and en (write [] when there is none)`
        : issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}` : issue.message;
      return makeDiagnostic('error', shown, positionOf(src, path), path, message);
    }),
  };
}

/** True when a list entry or pattern has capitals or diacritics (it would never match a folded message). */
export function isUnfolded(text: string): boolean {
  return /[A-Z]|[^\x00-\x7f]/u.test(text.replace(/\\[pP]\{[^}]*\}/gu, ''));
}

/**
 * The data of a loaded file, or an error listing every problem (start-up, CLIs, tests).
 * @throws Error naming file:line:col of each problem.
 */
export function requireLoaded<T>(what: string, loaded: { data?: T; diagnostics: Diagnostic[] }): T {
  if (loaded.data !== undefined) return loaded.data;
  const lines = loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  throw new Error(`Cannot build ${what}:\n${lines.join('\n')}\nFix these lines (npm run validate lists all problems).`);
}
