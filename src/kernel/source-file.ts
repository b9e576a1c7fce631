/**
 * Parsed YAML/JSON source files that remember where every node was written, so that
 * every diagnostic can say `file:line:col`. JSON files are parsed with the YAML parser
 * (JSON is YAML) for positions, and with JSON.parse for strict syntax errors.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { makeDiagnostic, type Diagnostic, type PathSeg } from './diagnostic';
import { checkByteOrderMark, explainIndentation, findCurlyJsonQuote, findDuplicateKeys } from './editor-mistakes';

/** A parsed file: its data and a way to find where a path was written. */
export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  data: unknown;
  doc: Document | null;
  lines: LineCounter;
}

/**
 * Parses YAML text. Returns the file, or the syntax errors with their line and column.
 */
export function parseYamlSource(file: string, raw: string): { source: SourceFile | null; diagnostics: Diagnostic[] } {
  const { text, diagnostics: bom } = checkByteOrderMark(file, raw);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e) => {
      const at = lines.linePos(e.pos[0]);
      return makeDiagnostic('error', file, { line: at.line, col: at.col }, '', `YAML syntax error: ${firstLine(e.message)}`);
    });
    // The parser often notices a mis-indented line several lines later: name the line itself.
    const first = diagnostics[0]!;
    const indentation = explainIndentation(file, text, first.line, first.message.replace(/^YAML syntax error: /, ''));
    return { source: null, diagnostics: [...bom, ...(indentation ? [indentation] : diagnostics)] };
  }
  return { source: { file, data: doc.toJS(), doc, lines }, diagnostics: bom };
}

/**
 * Parses JSON text strictly. Syntax errors carry line and column; positions of keys come
 * from the YAML parser when it accepts the text (it does for ordinary JSON).
 */
export function parseJsonSource(file: string, raw: string): { source: SourceFile | null; diagnostics: Diagnostic[] } {
  const { text, diagnostics: bom } = checkByteOrderMark(file, raw);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const curly = findCurlyJsonQuote(file, text);
    if (curly) return { source: null, diagnostics: [...bom, curly] };
    const message = err instanceof Error ? err.message : String(err);
    const offset = findJsonErrorOffset(message, text);
    const lines = new LineCounter();
    let from = 0;
    for (const line of text.split('\n')) {
      lines.addNewLine(from);
      from += line.length + 1;
    }
    const at = lines.linePos(offset);
    const what = firstLine(message).replace(/\s*(in JSON )?at position \d+.*$/, '');
    return { source: null, diagnostics: [...bom, makeDiagnostic('error', file, at, '', `JSON syntax error: ${what}`)] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const duplicates = doc.errors.length ? [] : findDuplicateKeys(file, doc, lines);
  return { source: { file, data, doc: doc.errors.length ? null : doc, lines }, diagnostics: [...bom, ...duplicates] };
}

/** Node 20 reports `... at position 42 (line 3 column 7)`; fall back to the end of the text. */
function findJsonErrorOffset(message: string, text: string): number {
  const m = /position (\d+)/.exec(message);
  return m ? Number(m[1]) : text.length;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

/**
 * Line and column where `path` was written. `part: 'key'` points at the map key rather
 * than its value. When the path does not exist, the deepest existing node is used.
 */
export function positionOf(source: SourceFile, path: readonly PathSeg[], part: 'key' | 'value' = 'value'): { line: number; col: number } {
  let node: unknown = source.doc?.contents ?? null;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      if (last && part === 'key' && keyStart !== undefined) {
        offset = keyStart;
        break;
      }
      node = pair.value;
      offset = rangeStart(node) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  const at = source.lines.linePos(offset);
  return { line: at.line, col: at.col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** True when `path` exists in the file (as a map key or list index). */
export function hasPath(data: unknown, path: readonly PathSeg[]): boolean {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !(String(seg) in (cur as Record<string, unknown>))) return false;
    cur = (cur as Record<string, unknown>)[String(seg)];
  }
  return true;
}
