/**
 * Text normalisation shared by the NLU, the scanner's callers, the engine's choice matching and
 * the validator: NFC, and the folded form every matcher works on (lowercase, no diacritics,
 * teencode expanded).
 */
import { TEENCODE } from './teencode';

/** Unicode NFC form of `text` (composed Vietnamese diacritics). */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/** Letters NFD does not decompose. */
const LIGATURES: Readonly<Record<string, string>> = { đ: 'd', Đ: 'd', œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

// Built once: the compiled bundle would otherwise construct the Unicode-property regexes on every call.
const MARKS = /\p{M}+/gu;
const TRIPLED_LETTER = /(\p{L})\1{2,}/gu;

/**
 * Folded form without teencode expansion: NFD, diacritics removed, `đ` -> `d`, lowercase,
 * runs of 3+ identical letters squeezed to 2 ("helloooo" -> "helloo", "cuuuu" -> "cuu"),
 * emoji and punctuation turned into spaces (apostrophes inside words are kept), whitespace collapsed.
 */
export function foldPlain(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[đĐœŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(TRIPLED_LETTER, '$1$1')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Folded form for matching: `foldPlain` plus unambiguous teencode expansion ("ko" -> "khong",
 * "dc" -> "duoc"). "Không  " and "ko" and "khong!!" all fold to "khong".
 */
export function fold(text: string): string {
  // "a+" / "@+" (French "à plus", see you) would lose its "+" with the punctuation.
  const plain = foldPlain(text.replace(/(^|\s)[aà@]\+(?=\s|$|[!.?])/gu, '$1a plus'));
  if (plain === '') return plain;
  const tokens = plain.split(' ');
  return tokens.map((token, i) => (token === 'j' && FRENCH_AFTER_J.has(tokens[i + 1] ?? '') ? token : (TEENCODE[token] ?? token))).join(' ');
}

/** Words after a French "j" typed without its apostrophe ("j ai", "j etais"): that "j" is no Vietnamese "gì". */
const FRENCH_AFTER_J = new Set(['ai', 'avais', 'aurais', 'etais', 'arrive', 'arrivais', 'y', 'en', 'attends', 'appelle', 'habite', 'aime', 'adore', 'ecris', 'envoie', 'essaie', 'espere', 'irai', 'allais', 'aimerais', 'aurai']);
