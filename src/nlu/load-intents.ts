/**
 * Reads the training phrases of `dialogs/intents/<lng>.yaml`, keeping where each phrase was written.
 * Format (documented at the top of each file):
 *   version: 1
 *   intents:
 *     greet:
 *       - xin chào
 *       - hello ban
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { describeColonInPhrase } from '../kernel/editor-mistakes';
import type { Diagnostic } from '../kernel/diagnostic';
import { LANGS, type Lang } from '../kernel/lang';

/** One training phrase and where it is written. */
export interface IntentPhrase {
  /** Intent name as written (may be unknown to the catalogue; the validator reports it). */
  intent: string;
  /** Phrase exactly as written (not normalised). */
  text: string;
  line: number;
  col: number;
}

/** The training phrases of one language file, with the problems met while reading it. */
export interface IntentFile {
  lang: Lang;
  /** Path relative to the project root, forward slashes. */
  file: string;
  /** Intent name -> position of its key, in file order. */
  intents: Map<string, { line: number; col: number }>;
  phrases: IntentPhrase[];
  diagnostics: Diagnostic[];
}

/** Path relative to `rootDir` with forward slashes, for diagnostics. */
function toDisplayPath(path: string, rootDir: string): string {
  return relative(rootDir, path).split(sep).join('/');
}

/** Line and column (1-based) of a YAML node. */
function locate(lc: LineCounter, node: Node | null | undefined): { line: number; col: number } {
  const offset = node?.range?.[0] ?? 0;
  const pos = lc.linePos(offset);
  return { line: pos.line, col: pos.col };
}

/**
 * Loads `<intentsDir>/<lang>.yaml`. Never throws on bad content: problems are returned as diagnostics
 * (missing file, YAML syntax, wrong shape). Throws only on unexpected I/O errors.
 * @param rootDir folder that diagnostic paths are relative to (the project root).
 */
export function loadIntentFile(intentsDir: string, lang: Lang, rootDir = process.cwd()): IntentFile {
  const path = join(intentsDir, `${lang}.yaml`);
  const file = toDisplayPath(path, rootDir);
  const result: IntentFile = { lang, file, intents: new Map(), phrases: [], diagnostics: [] };
  const problem = (where: { line: number; col: number }, path: string, message: string): void => {
    result.diagnostics.push({ severity: 'error', file, line: where.line, col: where.col, path, message });
  };
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    problem({ line: 1, col: 1 }, '', `file is missing: create it with 'version: 1' and 'intents:' (see en.yaml)`);
    return result;
  }
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc });
  for (const e of doc.errors) {
    const pos = lc.linePos(e.pos[0]);
    problem({ line: pos.line, col: pos.col }, '', `YAML syntax: ${e.message.split('\n')[0]}`);
  }
  if (doc.errors.length > 0) return result;
  const root = doc.contents;
  if (!isMap(root)) {
    problem({ line: 1, col: 1 }, '', "expected a mapping with 'version: 1' and 'intents:'");
    return result;
  }
  const version = root.get('version', true);
  if (!isScalar(version) || (version.value as unknown) !== 1) {
    problem(locate(lc, version ?? root), 'version', "expected 'version: 1'");
  }
  const intents = root.get('intents', true);
  if (!isMap(intents)) {
    problem(locate(lc, intents ?? root), 'intents', "expected a mapping 'intents:' of intent name -> list of phrases");
    return result;
  }
  for (const pair of intents.items) {
    const key = pair.key as Node;
    const name = isScalar(key) ? String(key.value) : '';
    result.intents.set(name, locate(lc, key));
    const list = pair.value as Node | null;
    if (!isSeq(list)) {
      problem(locate(lc, list ?? key), `intents.${name}`, 'expected a list of phrases (lines starting with "- ")');
      continue;
    }
    list.items.forEach((item, i) => {
      const node = item as Node;
      if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
        problem(locate(lc, node), `intents.${name}.${i}`, describeColonInPhrase(node) ?? 'expected a non-empty text phrase (quote it if it starts with a special character)');
        return;
      }
      result.phrases.push({ intent: name, text: node.value, ...locate(lc, node) });
    });
  }
  return result;
}

/** Loads the intent files of every language. */
export function loadIntentFiles(intentsDir: string, rootDir = process.cwd()): IntentFile[] {
  return LANGS.map((lang) => loadIntentFile(intentsDir, lang, rootDir));
}
