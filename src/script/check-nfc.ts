/**
 * Unicode NFC checks. Vietnamese can be typed with combining accents (NFD) that look the
 * same but never match: every string in dialogs/ and locales/ must be NFC.
 */
import type { Diagnostic } from '../kernel/diagnostic';
import { makeDiagnostic, type PathSeg } from '../kernel/diagnostic';
import { positionOf, type SourceFile } from '../kernel/source-file';

/** One error per string (or map key) of the file that is not in NFC form. */
export function checkNfc(source: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (value: unknown, path: PathSeg[]): void => {
    if (typeof value === 'string') {
      if (value !== value.normalize('NFC')) {
        out.push(makeDiagnostic('error', source.file, positionOf(source, path), path,
          'text is not in Unicode NFC form (decomposed accents): retype it or save the file as NFC'));
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k !== k.normalize('NFC')) {
          out.push(makeDiagnostic('error', source.file, positionOf(source, [...path, k], 'key'), [...path, k],
            'name is not in Unicode NFC form (decomposed accents): retype it'));
        }
        visit(v, [...path, k]);
      }
    }
  };
  visit(source.data, []);
  return out;
}

/** A deep copy of `value` with every string and key in NFC form. */
export function normaliseDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => normaliseDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normaliseDeep(v)])) as T;
  }
  return value;
}
