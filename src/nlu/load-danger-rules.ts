/**
 * Reads and checks `dialogs/nlu/danger.yaml`: YAML syntax, shape, every pattern a valid regular
 * expression written in folded form, every category in the three languages. Problems come back as
 * `file:line:col` diagnostics, like every other `npm run validate` message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../script/diagnostic';
import { makeDiagnostic, parseYamlSource, positionOf, type PathSeg, type SourceFile } from '../script/source-file';
import { expandPlaces } from './danger-detector';
import { DANGER_RULES_FILE, DANGER_RULES_SCHEMA, type DangerRules } from './danger-schema';
import { LANGS } from './types';

/** Rules read from the file: `rules` is set only when there is no error. */
export interface LoadedDangerRules {
  rules?: DangerRules;
  diagnostics: Diagnostic[];
}

/** Problems of one pattern: not a regular expression, or not written in folded form. */
function checkPattern(src: SourceFile, path: PathSeg[], pattern: string): Diagnostic[] {
  const at = (message: string): Diagnostic => makeDiagnostic('error', src.file, positionOf(src, path), path, message);
  try {
    new RegExp(expandPlaces(pattern), 'u');
  } catch (err) {
    return [at(`pattern '${pattern}' is not a valid regular expression (${err instanceof Error ? err.message : String(err)}): check its brackets and backslashes`)];
  }
  if (/[A-Z]|[^\x00-\x7f]/u.test(pattern.replace(/\\[pP]\{[^}]*\}/gu, ''))) {
    return [at(`pattern '${pattern}' has capitals or diacritics, so it never matches: messages are folded first (write "khong cho ve", not "Không cho về")`)];
  }
  return [];
}

/** Every pattern of the rules with its path in the file. */
function listPatterns(rules: DangerRules): { path: PathSeg[]; pattern: string }[] {
  const out: { path: PathSeg[]; pattern: string }[] = [];
  for (const [id, c] of Object.entries(rules.categories)) {
    for (const lang of LANGS) c.clear[lang].forEach((pattern, i) => out.push({ path: ['categories', id, 'clear', lang, i], pattern }));
  }
  for (const lang of LANGS) rules.cues[lang].forEach((pattern, i) => out.push({ path: ['cues', lang, i], pattern }));
  for (const [list, patterns] of Object.entries(rules.not_danger)) patterns.forEach((pattern, i) => out.push({ path: ['not_danger', list, i], pattern }));
  return out;
}

/**
 * Loads the danger rules of the project under `rootDir`.
 * @param file path of the rules file (default: `<rootDir>/dialogs/nlu/danger.yaml`).
 */
export function loadDangerRules(rootDir: string, file = join(rootDir, DANGER_RULES_FILE)): LoadedDangerRules {
  const shown = relative(rootDir, file).split(sep).join('/');
  if (!existsSync(file)) {
    return { diagnostics: [makeDiagnostic('error', shown, { line: 1, col: 1 }, '', `file is missing: the danger detector needs it (restore it from git: git checkout -- ${DANGER_RULES_FILE})`)] };
  }
  const parsed = parseYamlSource(shown, readFileSync(file, 'utf8'));
  const src = parsed.source;
  if (!src) return { diagnostics: parsed.diagnostics };
  const checked = DANGER_RULES_SCHEMA.safeParse(src.data);
  if (!checked.success) {
    return {
      diagnostics: checked.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const last = String(path.at(-1) ?? '');
        const message = issue.code === 'invalid_type' && (LANGS as readonly string[]).includes(last)
          ? `missing list '${last}': every category needs vi, fr and en (write [] when there is none)`
          : issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}` : issue.message;
        return makeDiagnostic('error', shown, positionOf(src, path), path, message);
      }),
    };
  }
  const rules = checked.data;
  const diagnostics = listPatterns(rules).flatMap(({ path, pattern }) => checkPattern(src, path, pattern));
  for (const [id, c] of Object.entries(rules.categories)) {
    for (const lang of LANGS) {
      if (c.clear[lang].length === 0) diagnostics.push(makeDiagnostic('warning', shown, positionOf(src, ['categories', id, 'clear', lang]), ['categories', id, 'clear', lang], `category '${id}' has no ${lang} pattern: messages in that language are only caught by the classifier`));
    }
  }
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { rules, diagnostics };
}

/**
 * Loads the danger rules or throws with every problem listed (start-up, CLIs, tests).
 * @throws Error naming file:line:col of each problem.
 */
export function requireDangerRules(rootDir: string, file?: string): DangerRules {
  const { rules, diagnostics } = loadDangerRules(rootDir, file);
  if (rules) return rules;
  const lines = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  throw new Error(`Cannot build the danger detector:\n${lines.join('\n')}\nFix these lines (npm run validate lists all problems).`);
}
