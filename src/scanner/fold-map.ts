/**
 * Folding with an offset map: the scanner matches on folded text (lowercase, no
 * diacritics, `đ` -> `d`, like `fold` in src/kernel/normalise.ts; typographic apostrophes
 * become `'`; a run of whitespace becomes one space, or one newline when it holds a line
 * break, so sentences stay apart) but reports evidence as spans of the ORIGINAL text.
 */

/** Folded text plus, for every folded character, where it came from in the original. */
export interface FoldedText {
  /** The original input, unchanged. */
  original: string;
  /** Folded form (not trimmed, so offsets stay simple). */
  folded: string;
  /** `starts[i]`: offset in `original` of the character that produced `folded[i]`. */
  starts: Uint32Array;
  /** `ends[i]`: offset in `original` just after that character (and its combining marks). */
  ends: Uint32Array;
}

const cache = new Map<string, string>();
const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02bc', '\u00b4']);

/** Folds one code point the way `fold` does: NFD, marks removed, đ -> d, lowercase. */
function foldCodePoint(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 0x80) return code >= 65 && code <= 90 ? ch.toLowerCase() : ch;
  if (APOSTROPHES.has(ch)) return "'";
  const cached = cache.get(ch);
  if (cached !== undefined) return cached;
  const out = ch
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

const WHITESPACE = /\s/u;
/** Combining marks (built once: the bundle would construct it on every call). */
const MARKS = /\p{M}+/gu;

/** True for a whitespace code unit (ASCII fast path, then Unicode). */
function isSpace(code: number, ch: string): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return WHITESPACE.test(ch);
}

/**
 * Folds `text` and keeps the offset map, so that a match `[i, j)` in `folded`
 * maps back to `original.slice(starts[i], ends[j - 1])`.
 */
export function foldWithOffsets(text: string): FoldedText {
  const parts: string[] = [];
  const starts = new Uint32Array(text.length * 2 + 1);
  const ends = new Uint32Array(text.length * 2 + 1);
  let n = 0;
  let i = 0;
  let lastWasSpace = false;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const ch = width === 1 ? text[i] ?? '' : text.slice(i, i + 2);
    if (isSpace(code, ch)) {
      const isBreak = code === 10 || code === 13;
      if (!lastWasSpace) {
        parts.push(isBreak ? '\n' : ' ');
        starts[n] = i;
        ends[n++] = i + width;
      } else if (isBreak) {
        parts[parts.length - 1] = '\n';
      }
      lastWasSpace = true;
    } else {
      const out = foldCodePoint(ch);
      if (out.length === 0) {
        // A lone combining mark (non-NFC input): it belongs to the previous character.
        if (n > 0 && !lastWasSpace) ends[n - 1] = i + width;
      } else {
        parts.push(out);
        // One entry per UTF-16 unit, so that offsets in `folded` index these arrays.
        for (let k = 0; k < out.length; k++) {
          starts[n] = i;
          ends[n++] = i + width;
        }
        lastWasSpace = false;
      }
    }
    i += width;
  }
  return { original: text, folded: parts.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** Maps a span `[start, end)` of the folded text to the matching span of the original text. */
export function mapSpan(ft: FoldedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < ft.starts.length ? (ft.starts[start] ?? 0) : ft.original.length;
    return { start: at, end: at };
  }
  return { start: ft.starts[start] ?? 0, end: ft.ends[end - 1] ?? ft.original.length };
}

/** Folds a rule phrase exactly like scanned text is folded (trimmed). */
export function foldPhrase(phrase: string): string {
  return foldWithOffsets(phrase).folded.trim();
}
