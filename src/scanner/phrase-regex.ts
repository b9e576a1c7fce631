/**
 * Turns the plain-word phrases and expert patterns of the rule files into regular
 * expressions over folded text (see fold-map.ts).
 */
import { foldPhrase } from './fold-map';
import type { LangPhrases } from './rules-schema';

/** What may stand between two words of a phrase: a few spaces or punctuation marks, not a line break. */
const WORD_GAP = "[^\\p{L}\\p{N}\\n]{1,3}";
const ALNUM_EDGE = /[\p{L}\p{N}]/u;

/** Escapes regex metacharacters of a literal string. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Regex source for one folded phrase: words joined by `WORD_GAP`, an apostrophe may be
 * left out, and a word of three letters or more may take a plural `s` ("billet offert"
 * finds "billets offerts").
 */
export function buildPhraseBody(folded: string, plurals: boolean): string {
  return folded
    .split(' ')
    .map((word) => {
      const body = escapeRegex(word).replace(/'/g, "'?");
      return plurals && /\p{L}{3,}$/u.test(word) && !word.endsWith('s') ? `${body}s?` : body;
    })
    .join(WORD_GAP);
}

/**
 * Regex source matching any of `phrases` as whole words (folded, longest first).
 * With `lettersOnly` (units of amounts), only letters count as word characters at the
 * edges, so a unit may touch a number ("30tr", "50k"), and no plural `s` is added.
 * Returns null for an empty list.
 */
export function buildPhrasesSource(phrases: readonly string[], lettersOnly = false): string | null {
  const plurals = !lettersOnly;
  const edge = lettersOnly ? '\\p{L}' : '\\p{L}\\p{N}';
  const folded = [...new Set(phrases.map(foldPhrase).filter((p) => p.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  if (folded.length === 0) return null;
  const groups = new Map<string, string[]>();
  for (const p of folded) {
    const head = ALNUM_EDGE.test(p[0] ?? '') ? `(?<![${edge}])` : '';
    const tail = ALNUM_EDGE.test(p[p.length - 1] ?? '') ? `(?![${edge}])` : '';
    const key = `${head}\u0000${tail}`;
    const list = groups.get(key) ?? [];
    list.push(buildPhraseBody(p, plurals));
    groups.set(key, list);
  }
  return [...groups.entries()]
    .map(([key, bodies]) => {
      const [head, tail] = key.split('\u0000');
      return `${head}(?:${bodies.join('|')})${tail}`;
    })
    .join('|');
}

/** All phrases of a per-language list, every language plus `any`. */
export function listAllPhrases(list: LangPhrases | undefined): string[] {
  if (!list) return [];
  return [...list.vi, ...list.fr, ...list.en, ...(list.any ?? [])];
}

/** Every match of `re` in `text` as `[start, end)` pairs, skipping empty matches. */
export function findSpans(re: RegExp, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
