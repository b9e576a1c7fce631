/**
 * A simple language guess for the scanner (vi, fr or en), driven by dialogs/scanner/language.yaml.
 * The bot's NLU identifies languages better; this one only needs to be right on ads.
 */
import type { Lang } from '../kernel/lang';
import type { CompiledRules } from './compile-rules';
import type { Token } from './phrase-set';

/**
 * Guesses the language of an ad: Vietnamese letters first, then the most frequent
 * common words in the folded text. No evidence at all means `en`.
 */
export function guessLang(original: string, folded: string, tokens: readonly Token[], rules: CompiledRules): Lang {
  let vietnamese = 0;
  for (const ch of original.toLowerCase().normalize('NFC')) {
    if (rules.vietnameseLetters.has(ch) && ++vietnamese >= 3) return 'vi';
  }
  let best: Lang = 'en';
  let bestCount = 0;
  for (const { lang, words } of rules.langWords) {
    const count = words.find(folded, tokens).length;
    if (count > bestCount || (count === bestCount && lang === 'en')) {
      best = lang;
      bestCount = count;
    }
  }
  return best;
}
