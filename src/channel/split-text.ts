/** Splits long texts into messages a channel accepts, on paragraph, then sentence, then word boundaries. */

/**
 * Splits `text` into parts of at most `max` characters (code points counted as UTF-16 units,
 * like the channels do). Paragraphs stay whole when they fit; otherwise sentences; otherwise words.
 * @throws RangeError when `max` < 1.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError(`splitText: max must be at least 1 (got ${max}).`);
  if (text.length <= max) return [text];
  const paragraphs = text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  return packPieces(paragraphs, '\n\n', max, (paragraph) => {
    const sentences = paragraph.split(/(?<=[.!?…。])\s+/).filter(Boolean);
    return packPieces(sentences, ' ', max, (sentence) => splitWords(sentence, max));
  });
}

/** Greedily joins pieces with `joiner` while they fit; a piece too long alone is split by `splitLong`. */
function packPieces(pieces: string[], joiner: string, max: number, splitLong: (piece: string) => string[]): string[] {
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (piece.length > max) {
      if (current) parts.push(current);
      current = '';
      parts.push(...splitLong(piece));
    } else if (!current) {
      current = piece;
    } else if (current.length + joiner.length + piece.length <= max) {
      current += joiner + piece;
    } else {
      parts.push(current);
      current = piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** Splits at the last space before `max`, or hard at `max` for a word longer than a message. */
function splitWords(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    const cut = space > 0 ? space : max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
