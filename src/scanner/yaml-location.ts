/**
 * Line and column of a path inside a parsed YAML document, for diagnostics.
 */
import { isNode, type Document, type LineCounter } from 'yaml';
import type { Diagnostic } from '../script/diagnostic';

export type YamlPath = ReadonlyArray<string | number>;

/** A parsed YAML file with what is needed to point at its nodes. */
export interface YamlSource {
  /** Path shown in diagnostics (`dialogs/scanner/flags.yaml`). */
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

/**
 * 1-based line and column of the node at `path`; when the node does not exist (a missing
 * field), of its closest existing parent; 1:1 for the whole document.
 */
export function locatePath(src: YamlSource, path: YamlPath): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? src.doc.contents : src.doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = src.lineCounter.linePos(node.range[0]);
      return { line: pos.line, col: pos.col };
    }
  }
  return { line: 1, col: 1 };
}

/** Formats a path as `flags.fees.phrases.vi.3`. */
export function formatPath(path: YamlPath): string {
  return path.map(String).join('.');
}

/** Builds a diagnostic pointing at `path` in `src`. */
export function diagnoseAt(
  src: YamlSource,
  path: YamlPath,
  severity: Diagnostic['severity'],
  message: string,
): Diagnostic {
  return { severity, file: src.file, ...locatePath(src, path), path: formatPath(path), message };
}
