/**
 * Reads a translation file as UTF-8 and refuses anything else, before a single text is
 * looked at: a file saved by a spreadsheet in a legacy encoding loses every Vietnamese
 * letter it cannot represent (`Tạm biệt` becomes `T?m bi?t`), and importing it would
 * overwrite good translations. Detected: UTF-16 (Excel's "Unicode Text"), bytes that are
 * not UTF-8 (Windows-1252, Excel's plain "CSV"), mojibake (UTF-8 read as Windows-1252 and
 * saved again: `Ã©`, `áº¡`), replacement characters and `?` inside words.
 */

/** What to do, said once for every refusal. */
export const SAVE_AS_UTF8 =
  'Open the file again and save it as "CSV UTF-8 (Comma delimited) (*.csv)" (Excel: File > Save As; LibreOffice: Save As > Text CSV, character set Unicode (UTF-8)), then import that file. Nothing was imported.';

/** The 32 characters Windows-1252 puts at bytes 0x80-0x9F (undefined bytes map to themselves). */
const CP1252_HIGH = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'];

const CP1252_BYTE = new Map<string, number>();
CP1252_HIGH.forEach((ch, i) => CP1252_BYTE.set(ch, 0x80 + i));

/** Bytes of `text` in Windows-1252, or null when a character has no byte there. */
function toCp1252(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : CP1252_BYTE.get(text[i]!);
    if (mapped === undefined) return null;
    bytes[i] = mapped;
  }
  return bytes;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * True when `word` is UTF-8 that was read as Windows-1252: re-encoding it gives valid
 * UTF-8 with fewer characters (e.g. `Ä‘` -> `đ`, `Ã©` -> `é`).
 */
export function isMojibake(word: string): boolean {
  if (!/[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]/.test(word)) return false;
  const bytes = toCp1252(word);
  if (!bytes) return false;
  try {
    return strictUtf8.decode(bytes).length < word.length;
  } catch {
    return false;
  }
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** First byte offset where `bytes` stop being UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** A refusal naming the file, the line and the fix. */
function refuse(file: string, line: number, what: string): Error {
  return new Error(`${file}:${line}: ${what} ${SAVE_AS_UTF8}`);
}

/**
 * Decodes `bytes` of `file` as UTF-8 (a leading byte-order mark is dropped).
 * @throws naming the line and the encoding found, with the fix, when the file is UTF-16,
 *   not UTF-8, or shows signs of lost or garbled characters.
 */
export function decodeTextFile(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 200).includes(0)) {
    throw refuse(file, 1, 'the file is saved as UTF-16 ("Unicode Text"), not UTF-8.');
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    throw refuse(file, lineOfOffset(bytes, at), `the file is not UTF-8 (byte 0x${byte}): it was probably saved as "CSV" (Windows-1252), which cannot hold Vietnamese letters.`);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('\uFFFD')) throw refuse(file, i + 1, 'the file holds "\uFFFD" (a character that was lost when the file was saved in another encoding).');
    const garbled = line.split(/[\s,;"]+/).find(isMojibake);
    if (garbled) throw refuse(file, i + 1, `'${garbled}' is garbled text (UTF-8 read as Windows-1252 and saved again).`);
    // Links keep their `?` (https://example.org/a?b=c).
    const word = line.split(/[\s,;"]+/).find((w) => /\p{L}\?+\p{L}/u.test(w) && !/[/=]/.test(w));
    if (word) {
      throw refuse(file, i + 1, `'${word}' has '?' inside a word: letters were replaced when the file was saved in an encoding that cannot hold them.`);
    }
  }
  return text;
}
