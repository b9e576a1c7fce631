/**
 * The mistakes a person makes in a text editor, found before (or instead of) the parser's
 * own message, each with a hint: a byte-order mark, curly quotes where JSON needs straight
 * ones, a duplicate key in a JSON file, a mis-indented YAML line (the line itself, not the
 * line where the parser gave up), a YAML list item that contains `: `.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { makeDiagnostic, type Diagnostic } from './diagnostic';

const BOM = '\uFEFF';

/** A byte-order mark at the start of `text`: reported at line 1, and the text without it. */
export function checkByteOrderMark(file: string, text: string): { text: string; diagnostics: Diagnostic[] } {
  if (!text.startsWith(BOM)) return { text, diagnostics: [] };
  return {
    text: text.slice(1),
    diagnostics: [
      makeDiagnostic('error', file, { line: 1, col: 1 }, '',
        'the file starts with a byte-order mark (BOM: three invisible bytes, EF BB BF, that some editors such as Notepad add); save it as "UTF-8" without BOM'),
    ],
  };
}

const CURLY = /[\u201C\u201D\u201E\u201F\u2018\u2019\u00AB\u00BB]/;

/**
 * Curly quotes (“ ” ‘ ’ « ») used where JSON needs a straight `"` (outside a text): the
 * first one, with line and column. Inside a text, curly quotes are fine and not reported.
 */
export function findCurlyJsonQuote(file: string, text: string): Diagnostic | null {
  let inString = false;
  let line = 1;
  let col = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') {
        i++;
        col++;
      }
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (CURLY.test(c)) {
      return makeDiagnostic('error', file, { line, col }, '',
        `curly quote ${c} where JSON needs a straight quote ": word processors and some phones replace them as you type; type " instead (inside a text, curly quotes are fine)`);
    }
    if (c === '\n') {
      line++;
      col = 1;
    }
    else col++;
  }
  return null;
}

/** Every key written twice in the same JSON object (the parser keeps only the last copy). */
export function findDuplicateKeys(file: string, doc: Document, lines: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (node: unknown, path: string[]): void => {
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const at = lines.linePos((pair.key as Node).range?.[0] ?? 0);
        const first = seen.get(key);
        if (first !== undefined) {
          out.push(makeDiagnostic('error', file, at, [...path, key],
            `key '${key}' is written twice (first at line ${first}); only the last copy would be used: keep one`));
        } else seen.set(key, at.line);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((item) => visit(item, path));
  };
  visit(doc.contents, []);
  return out;
}

interface TextLine {
  n: number;
  indent: number;
  body: string;
}

/** Non-blank, non-comment lines with their indentation; lines inside multi-line flow collections and block texts are skipped. */
function structuralLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let depth = 0;
  let blockIndent = -1;
  text.split('\n').forEach((raw, i) => {
    const body = raw.replace(/\s+#.*$/, '').trimEnd();
    const trimmed = body.trimStart();
    const indent = body.length - trimmed.length;
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (blockIndent >= 0 && indent > blockIndent) return;
    blockIndent = -1;
    const wasNested = depth > 0;
    for (const ch of trimmed.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '')) {
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    }
    if (!wasNested) out.push({ n: i + 1, indent, body: trimmed });
    if (/:\s*[|>][-+]?\d*$/.test(trimmed)) blockIndent = indent;
  });
  return out;
}

/**
 * The first line whose indentation fits no enclosing block: deeper than the line before
 * although that line opened nothing, or back to a depth no earlier line used.
 */
export function findMisindentedLine(text: string): { line: number; indent: number; expected: number[] } | null {
  /** Open blocks: indentation and the lines written at it. */
  const levels: { indent: number; lines: TextLine[] }[] = [];
  let opened = true;
  let previous: TextLine | undefined;
  let poppedByPrevious: number[] = [];
  /** Depths each line closed, and the line that opened each open depth. */
  const poppedAt = new Map<number, number[]>();
  const openers = new Map<number, TextLine>();
  const wrong = (l: TextLine, expected: number[]) => ({ line: l.n, indent: l.indent, expected: [...new Set(expected)] });
  for (const l of structuralLines(text)) {
    const top = levels.at(-1);
    if (!top && l.indent > 0) return wrong(l, [0]);
    const popped: number[] = [];
    if (top && opened && previous && l.indent <= top.indent) {
      // `key:` opened a block but this line is not inside it: the opener set a depth of its own
      // (blame it), or this line should have been indented under it.
      const ownLevel = levels.find((x) => x.lines.includes(previous!));
      return ownLevel && ownLevel.lines.length === 1 && ownLevel.indent > (levels.at(-2)?.indent ?? -1) + 2 && levels.some((x) => x.indent === l.indent)
        ? wrong(previous, [l.indent])
        : wrong(l, [previous.indent + 2]);
    }
    if (!top || l.indent > top.indent) {
      if (top && !opened) {
        // Back to a depth the line before had just left: that line is the odd one.
        if (previous && poppedByPrevious.includes(l.indent)) return wrong(previous, [l.indent]);
        return wrong(l, [top.indent]);
      }
      levels.push({ indent: l.indent, lines: [l] });
      if (previous) openers.set(l.indent, previous);
    } else {
      while ((levels.at(-1)?.indent ?? -1) > l.indent) popped.push(levels.pop()!.indent);
      const level = levels.at(-1);
      if (level?.indent !== l.indent) {
        // The line that opened the block just closed had itself left this depth: it is the odd one.
        const opener = openers.get(popped.at(-1) ?? -1);
        if (opener && poppedAt.get(opener.n)?.includes(l.indent)) return wrong(opener, [l.indent]);
        // A block whose only line so far set a depth the rest do not follow: blame that line.
        const lone = popped.length === 1 && levels.length > 0 ? findLoneOpener(text, l, popped[0]!) : undefined;
        if (lone) return wrong(lone, [l.indent]);
        return wrong(l, [level?.indent ?? 0, popped[0] ?? 0].filter((x, i, a) => a.indexOf(x) === i));
      }
      level.lines.push(l);
    }
    // `- key: value` opens a mapping two columns in; `key:` with nothing after opens a block.
    if (/^- [^\s{[]/.test(l.body)) {
      const inner = l.indent + 2;
      if ((levels.at(-1)?.indent ?? -1) < inner) levels.push({ indent: inner, lines: [l] });
    }
    opened = /:$/.test(l.body) || l.body === '-';
    poppedByPrevious = popped;
    poppedAt.set(l.n, popped);
    previous = l;
  }
  return null;
}

/** When exactly one line was written at depth `depth` just before `l`, that line. */
function findLoneOpener(text: string, l: TextLine, depth: number): TextLine | undefined {
  const before = structuralLines(text).filter((x) => x.n < l.n);
  const run: TextLine[] = [];
  for (let i = before.length - 1; i >= 0 && before[i]!.indent >= depth; i--) if (before[i]!.indent === depth) run.push(before[i]!);
  const opener = [...before].reverse().find((x) => x.indent < depth);
  return run.length === 1 && opener && l.indent > opener.indent ? run[0] : undefined;
}

/** The one line (if exactly one) whose indentation is not a multiple of 2 in a file otherwise indented by 2s. */
function findOddIndent(text: string): { line: number; indent: number; expected: number[] } | null {
  const lines = structuralLines(text);
  const odd = lines.filter((l) => l.indent % 2 === 1);
  if (odd.length !== 1) return null;
  const l = odd[0]!;
  // Its neighbours: the line above (one level deeper when that line opens a block).
  const above = lines[lines.indexOf(l) - 1];
  const expected = above ? above.indent + (/:$/.test(above.body) ? 2 : 0) : 0;
  return { line: l.n, indent: l.indent, expected: Math.abs(expected - l.indent) === 1 ? [expected] : [l.indent - 1, l.indent + 1] };
}

/**
 * For a YAML syntax error at `errorLine`: a diagnostic at the mis-indented line itself when
 * the error comes from indentation, else null (the parser's message stands).
 */
export function explainIndentation(file: string, text: string, errorLine: number, parserMessage: string): Diagnostic | null {
  const found = findOddIndent(text) ?? findMisindentedLine(text);
  if (!found) return null;
  const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
  const expected = found.expected.map(spaces).join(' or ');
  return makeDiagnostic('error', file, { line: found.line, col: 1 }, '',
    `this line is indented by ${spaces(found.indent)}, but the lines it belongs with use ${expected}: YAML reads indentation as structure, so align it (use spaces, not tabs). (The YAML parser noticed at line ${errorLine}: ${parserMessage})`);
}

/** Hint for a YAML list item that should be a text but was read as `key: value`. */
export function describeColonInPhrase(node: unknown): string | null {
  if (!isMap(node) || node.items.length !== 1) return null;
  const pair = node.items[0]!;
  if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) return null;
  const phrase = `${String(pair.key.value)}: ${String(pair.value.value ?? '')}`;
  return `this phrase contains ": ", which YAML reads as a key and a value; quote it: - "${phrase.replace(/"/g, '\\"')}"`;
}
