/**
 * Reads and checks `dialogs/nlu/lexicons.yaml`: shape, entries in folded form, places as valid
 * regular expressions, no answer listed as two different answers.
 */
import { join } from 'node:path';
import type { Diagnostic } from '../kernel/diagnostic';
import { makeDiagnostic, type PathSeg } from '../kernel/diagnostic';
import { positionOf } from '../kernel/source-file';
import { LEXICONS_FILE, LEXICONS_SCHEMA, type Lexicons } from './lexicon-schema';
import { isUnfolded, readNluYaml, requireLoaded } from './load-nlu-yaml';
import { ANSWERS } from '../kernel/intent';

/** Lexicons read from the file: `data` is set only when there is no error. */
export interface LoadedLexicons {
  data?: Lexicons;
  diagnostics: Diagnostic[];
}

/** Every entry with its path in the file. */
function listEntries(lex: Lexicons): { path: PathSeg[]; entry: string; regex: boolean }[] {
  const out: { path: PathSeg[]; entry: string; regex: boolean }[] = [];
  for (const a of ANSWERS) lex.answers[a].forEach((entry, i) => out.push({ path: ['answers', a, i], entry, regex: false }));
  lex.answer_fillers.forEach((entry, i) => out.push({ path: ['answer_fillers', i], entry, regex: false }));
  lex.navigation.forEach((entry, i) => out.push({ path: ['navigation', i], entry, regex: false }));
  for (const [lang, names] of Object.entries(lex.language_names)) names.forEach((entry, i) => out.push({ path: ['language_names', lang, i], entry, regex: true }));
  for (const [id, names] of Object.entries(lex.places)) names.forEach((entry, i) => out.push({ path: ['places', id, i], entry, regex: true }));
  for (const [lang, words] of Object.entries(lex.domain_keywords)) words.forEach((entry, i) => out.push({ path: ['domain_keywords', lang, i], entry, regex: false }));
  for (const [lang, words] of Object.entries(lex.greetings)) words.forEach((entry, i) => out.push({ path: ['greetings', lang, i], entry, regex: false }));
  return out;
}

/**
 * Loads the lexicons of the project under `rootDir`.
 * @param file path of the file (default: `<rootDir>/dialogs/nlu/lexicons.yaml`).
 */
export function loadLexicons(rootDir: string, file = join(rootDir, LEXICONS_FILE)): LoadedLexicons {
  const { data: lex, src, diagnostics } = readNluYaml(rootDir, file, LEXICONS_SCHEMA);
  if (!lex || !src) return { diagnostics };
  const at = (path: PathSeg[], message: string): Diagnostic => makeDiagnostic('error', src.file, positionOf(src, path), path, message);
  const answerOf = new Map<string, string>();
  for (const { path, entry, regex } of listEntries(lex)) {
    if (isUnfolded(entry)) diagnostics.push(at(path, `'${entry}' has capitals or diacritics, so it never matches: messages are folded first (write "khong biet", not "Không biết")`));
    if (regex) {
      try {
        new RegExp(entry, 'u');
      } catch (err) {
        diagnostics.push(at(path, `'${entry}' is not a valid regular expression (${err instanceof Error ? err.message : String(err)})`));
      }
    }
    if (path[0] === 'answers') {
      const seen = answerOf.get(entry);
      if (seen && seen !== path[1]) diagnostics.push(at(path, `'${entry}' is listed under both '${seen}' and '${String(path[1])}': keep it under one answer`));
      answerOf.set(entry, String(path[1]));
    }
  }
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { data: lex, diagnostics };
}

/**
 * Loads the lexicons or throws with every problem listed.
 * @throws Error naming file:line:col of each problem.
 */
export function requireLexicons(rootDir: string, file?: string): Lexicons {
  return requireLoaded('the recogniser lexicons', loadLexicons(rootDir, file));
}
