/**
 * Turns the plain-word phrases and expert patterns of the rule files into regular
 * expressions over folded text (see fold-map.ts).
 */
import { foldPhrase } from './fold-map';
import type { LangPhrases, MatcherRule } from './rules-schema';

/** What may stand between two words of a phrase: a few spaces or punctuation marks, not a line break. */
const WORD_GAP = "[^\\p{L}\\p{N}\\n]{1,3}";
const ALNUM_EDGE = /[\p{L}\p{N}]/u;

/** Escapes regex metacharacters of a literal string. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regex source for one folded phrase: words joined by `WORD_GAP`, apostrophes of both kinds. */
function buildPhraseBody(folded: string): string {
  return folded
    .split(' ')
    .map((word) => escapeRegex(word).replace(/'/g, "'?"))
    .join(WORD_GAP);
}

/**
 * Regex source matching any of `phrases` as whole words (folded, longest first).
 * With `lettersOnly`, only letters count as word characters at the edges, so a unit may
 * touch a number ("30tr", "50k"). Returns null for an empty list.
 */
export function buildPhrasesSource(phrases: readonly string[], lettersOnly = false): string | null {
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
    list.push(buildPhraseBody(p));
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

/**
 * One global regex for a matcher rule (its phrases in every language, and its patterns),
 * or null when the rule has neither.
 */
export function buildMatcher(rule: MatcherRule | undefined): RegExp | null {
  if (!rule) return null;
  const parts: string[] = [];
  const phrases = buildPhrasesSource(listAllPhrases(rule.phrases));
  if (phrases) parts.push(phrases);
  for (const p of rule.patterns ?? []) parts.push(`(?:${p})`);
  return parts.length === 0 ? null : new RegExp(parts.join('|'), 'gu');
}

/** Global regex for a per-language phrase list (all languages), or null when empty. */
export function buildListMatcher(list: LangPhrases | readonly string[]): RegExp | null {
  const phrases = Array.isArray(list) ? list : listAllPhrases(list as LangPhrases);
  const source = buildPhrasesSource(phrases);
  return source ? new RegExp(source, 'gu') : null;
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
