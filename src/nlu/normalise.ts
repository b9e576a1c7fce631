/**
 * Text normalisation shared by the NLU, the engine's choice matching and the validator.
 * Owned by the NLU module; keep the signatures stable.
 */

/** Unicode NFC form of `text` (composed Vietnamese diacritics). */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Folded form for matching: NFC, lowercase, diacritics removed, `đ` -> `d`,
 * whitespace collapsed and trimmed. "Không  " and "khong" fold to the same string.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
