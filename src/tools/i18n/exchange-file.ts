/**
 * What a translation file (CSV or XLIFF) holds once read back: its languages and rows,
 * each with the line it came from for error messages.
 */
import { STATUS_LABELS, type TranslationStatus } from './catalogue';

export interface ImportRow {
  key: string;
  /** Source text as exported (what the translator saw). */
  source: string;
  translation: string;
  /** Status the translator left (a "changed since translated" row set to "done" confirms it). */
  status?: TranslationStatus;
  line: number;
}

export interface ImportFile {
  sourceLang: string;
  targetLang: string;
  rows: ImportRow[];
}

/** Reads a status label (`done`, `changed since translated`, `missing`, or the short ids); undefined if unknown. */
export function parseStatus(label: string): TranslationStatus | undefined {
  const text = label.trim().toLowerCase();
  return (Object.keys(STATUS_LABELS) as TranslationStatus[]).find((s) => s === text || STATUS_LABELS[s] === text);
}

/** Error in a translation file, with file and line, and what to do. */
export function fileError(file: string, line: number, message: string): Error {
  return new Error(`${file}:${line}: ${message}`);
}
