/**
 * Checks `dialogs/intents/<lng>.yaml`: unknown intent names, intents missing in a language,
 * duplicate phrases (after folding), non-NFC strings, and intents with few examples.
 */
import { join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../kernel/diagnostic';
import { loadDangerRules } from './load-danger-rules';
import { loadLexicons } from './load-lexicons';
import { loadIntentFiles, type IntentFile } from './load-intents';
import { fold, toNfc } from '../kernel/normalise';
import { INTENTS } from '../kernel/intent';

/** Fewer examples than this for an intent in a language gives a warning. */
export const MIN_EXAMPLES = 8;

const KNOWN = new Set<string>(INTENTS);

/** Problems of one file taken alone. */
function checkFile(f: IntentFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (severity: Diagnostic['severity'], pos: { line: number; col: number }, path: string, message: string): void => {
    out.push({ severity, file: f.file, line: pos.line, col: pos.col, path, message });
  };
  for (const [name, pos] of f.intents) {
    if (!KNOWN.has(name)) at('error', pos, `intents.${name}`, `unknown intent '${name}' (known: ${INTENTS.join(', ')})`);
  }
  const seen = new Map<string, { intent: string; line: number }>();
  const counts = new Map<string, number>();
  for (const p of f.phrases) {
    counts.set(p.intent, (counts.get(p.intent) ?? 0) + 1);
    if (p.text !== toNfc(p.text)) {
      at('error', p, `intents.${p.intent}`, `phrase '${toNfc(p.text)}' is not in Unicode NFC (decomposed diacritics): retype it or save the file as NFC`);
    }
    const key = fold(p.text);
    const first = seen.get(key);
    if (first) {
      const where = first.intent === p.intent ? '' : ` under '${first.intent}'`;
      at('error', p, `intents.${p.intent}`, `duplicate phrase '${p.text}' (same as line ${first.line}${where} once case and diacritics are ignored): remove one`);
    } else {
      seen.set(key, { intent: p.intent, line: p.line });
    }
  }
  for (const [name, pos] of f.intents) {
    const n = counts.get(name) ?? 0;
    if (KNOWN.has(name) && n < MIN_EXAMPLES) {
      at('warning', pos, `intents.${name}`, `only ${n} example(s); add at least ${MIN_EXAMPLES} varied phrases so the bot understands it`);
    }
  }
  return out;
}

/** Intents declared in some language but not in another. */
function checkMissing(files: IntentFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of files) {
    if (f.diagnostics.some((d) => d.severity === 'error' && d.path === '' && d.line === 1)) continue;
    const missing = INTENTS.filter((i) => !f.intents.has(i));
    for (const intent of missing) {
      const present = files.filter((g) => g.intents.has(intent)).map((g) => g.lang);
      const also = present.length ? ` (present in ${present.join(', ')})` : '';
      out.push({ severity: 'error', file: f.file, line: 1, col: 1, path: `intents.${intent}`, message: `intent '${intent}' is missing${also}: add training phrases for it` });
    }
  }
  return out;
}

/**
 * Validates the content of the recogniser: the training phrases under `<rootDir>/dialogs/intents/`
 * and the danger rules and lexicons of `<rootDir>/dialogs/nlu/`.
 * @param rootDir project root (the folder that holds `dialogs/`).
 * @returns sorted diagnostics; any `error` must block start-up.
 */
export function validateIntents(rootDir: string): Diagnostic[] {
  const files = loadIntentFiles(join(rootDir, 'dialogs', 'intents'), rootDir);
  const all = files.flatMap((f) => [...f.diagnostics, ...checkFile(f)]);
  return sortDiagnostics([...all, ...checkMissing(files), ...loadDangerRules(rootDir).diagnostics, ...loadLexicons(rootDir).diagnostics]);
}
