/**
 * Folding with an offset map: the scanner matches on folded text (lowercase, no
 * diacritics, `đ` -> `d`, like `fold` in src/nlu/normalise.ts; typographic apostrophes
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
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

const WHITESPACE = /\s/u;

/**
 * Folds `text` and keeps the offset map, so that a match `[i, j)` in `folded`
 * maps back to `original.slice(starts[i], ends[j - 1])`.
 */
export function foldWithOffsets(text: string): FoldedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  let lastWasSpace = false;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + width);
    if (WHITESPACE.test(ch)) {
      if (!lastWasSpace) {
        chars.push(ch === '\n' || ch === '\r' ? '\n' : ' ');
        starts.push(i);
        ends.push(i + width);
      } else if (ch === '\n' && chars.length > 0) {
        chars[chars.length - 1] = '\n';
      }
      lastWasSpace = true;
    } else {
      const out = foldCodePoint(ch);
      if (out.length === 0) {
        // A lone combining mark (non-NFC input): it belongs to the previous character.
        if (ends.length > 0 && !lastWasSpace) ends[ends.length - 1] = i + width;
      } else {
        for (const c of out) {
          chars.push(c);
          starts.push(i);
          ends.push(i + width);
        }
        lastWasSpace = false;
      }
    }
    i += width;
  }
  return { original: text, folded: chars.join(''), starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
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
