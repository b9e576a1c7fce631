/**
 * Diagnostics at a path of a parsed rule file, with the project's shared source-file
 * helpers (src/kernel/source-file.ts), so scanner messages read like every other
 * `npm run validate` message.
 */
import type { Diagnostic } from '../kernel/diagnostic';
import { makeDiagnostic, type PathSeg } from '../kernel/diagnostic';
import { positionOf, type SourceFile } from '../kernel/source-file';

export type YamlPath = readonly PathSeg[];
export type YamlSource = SourceFile;

/**
 * Builds a diagnostic pointing at `path` in `src` (at its value, or at its key with
 * `part: 'key'`; at the closest existing parent when the path is missing).
 */
export function diagnoseAt(
  src: YamlSource,
  path: YamlPath,
  severity: Diagnostic['severity'],
  message: string,
  part: 'key' | 'value' = 'value',
): Diagnostic {
  return makeDiagnostic(severity, src.file, positionOf(src, path, part), path, message);
}
