/**
 * Reads and checks `dialogs/nlu/danger.yaml`: YAML syntax, shape, every pattern a valid regular
 * expression written in folded form, every category in the three languages, every held place a
 * place of dialogs/nlu/lexicons.yaml. Problems come back as `file:line:col` diagnostics, like every
 * other `npm run validate` message.
 */
import { join } from 'node:path';
import type { Diagnostic } from '../kernel/diagnostic';
import { makeDiagnostic, type PathSeg } from '../kernel/diagnostic';
import { positionOf, type SourceFile } from '../kernel/source-file';
import { expandPlaces } from './danger-detector';
import { DANGER_RULES_FILE, DANGER_RULES_SCHEMA, type DangerRules } from './danger-schema';
import { loadLexicons } from './load-lexicons';
import { isUnfolded, readNluYaml, requireLoaded } from './load-nlu-yaml';
import { formatKnown } from '../kernel/known-list';
import { LANGS } from '../kernel/lang';

/** Rules read from the file: `data` is set only when there is no error. */
export interface LoadedDangerRules {
  data?: DangerRules;
  diagnostics: Diagnostic[];
}

/** Problems of one pattern: not a regular expression, or not written in folded form. */
function checkPattern(src: SourceFile, path: PathSeg[], pattern: string): Diagnostic[] {
  const at = (message: string): Diagnostic => makeDiagnostic('error', src.file, positionOf(src, path), path, message);
  try {
    new RegExp(expandPlaces(pattern, ['x']), 'u');
  } catch (err) {
    return [at(`pattern '${pattern}' is not a valid regular expression (${err instanceof Error ? err.message : String(err)}): check its brackets and backslashes`)];
  }
  if (isUnfolded(pattern)) {
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
  for (const lang of LANGS) rules.pleas[lang].forEach((pattern, i) => out.push({ path: ['pleas', lang, i], pattern }));
  for (const [list, patterns] of Object.entries(rules.not_danger)) patterns.forEach((pattern, i) => out.push({ path: ['not_danger', list, i], pattern }));
  return out;
}

/**
 * Held places that are not places of the lexicons (whose own problems are reported with that file):
 * `{place}` would silently stop matching them.
 */
function checkHeldPlaces(rootDir: string, src: SourceFile, heldPlaces: readonly string[]): Diagnostic[] {
  const places = loadLexicons(rootDir).data?.places;
  if (!places) return [];
  const known = Object.keys(places);
  return heldPlaces.flatMap((id, i) => {
    if (known.includes(id)) return [];
    const path = ['held_places', i];
    return [makeDiagnostic('error', src.file, positionOf(src, path), path, `unknown place '${id}' ${formatKnown(known, 40, id)}: add it to the places of dialogs/nlu/lexicons.yaml, or name one of them`)];
  });
}

/**
 * Loads the danger rules of the project under `rootDir`.
 * @param file path of the rules file (default: `<rootDir>/dialogs/nlu/danger.yaml`).
 */
export function loadDangerRules(rootDir: string, file = join(rootDir, DANGER_RULES_FILE)): LoadedDangerRules {
  const { data: rules, src, diagnostics } = readNluYaml(rootDir, file, DANGER_RULES_SCHEMA);
  if (!rules || !src) return { diagnostics };
  diagnostics.push(...listPatterns(rules).flatMap(({ path, pattern }) => checkPattern(src, path, pattern)));
  diagnostics.push(...checkHeldPlaces(rootDir, src, rules.held_places));
  for (const [id, c] of Object.entries(rules.categories)) {
    for (const lang of LANGS) {
      const path = ['categories', id, 'clear', lang];
      if (c.clear[lang].length === 0) diagnostics.push(makeDiagnostic('warning', src.file, positionOf(src, path), path, `category '${id}' has no ${lang} pattern: messages in that language are only caught by the classifier`));
    }
  }
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { data: rules, diagnostics };
}

/**
 * Loads the danger rules or throws with every problem listed (start-up, CLIs, tests).
 * @throws Error naming file:line:col of each problem.
 */
export function requireDangerRules(rootDir: string, file?: string): DangerRules {
  return requireLoaded('the danger detector', loadDangerRules(rootDir, file));
}
