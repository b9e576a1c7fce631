/**
 * Language identification (vi / fr / en) tuned for short, diacritic-less chat messages:
 * log-space naive Bayes over character 1-3-grams of the lowercased text (diacritics kept, so
 * "được" is very Vietnamese) and folded words, trained on the intent phrases plus small built-in
 * function-word lists. A message is "confident" only when the evidence margin is large enough;
 * otherwise the caller keeps the user's language.
 */
import { emitCharNgrams, hashString, SEEDS, type FeatureSink } from './feature-hash';
import type { FeatureBag } from './features';
import { tokenize } from './features';
import { LogBayes, type LogBayesSnapshot } from './log-bayes';
import { LANGS, type Lang } from '../kernel/lang';
import { fold, toNfc } from '../kernel/normalise';

/** Frequent short words of each language, folded; they anchor the profiles beyond the training phrases. */
const FUNCTION_WORDS: Readonly<Record<Lang, string>> = {
  vi: 'toi ban la co khong gi nao duoc lam viec o cua cho voi nhu the nay do em anh chi minh roi chua di ve oi a nhe nha vay sao biet muon can tien nguoi bao nhieu luong cong ty xin chao cam on giup hoi mot nhung cac tai vi neu thi ma va rat qua lai nua day dau ai khi tui mat tra loi hay nhan ho chieu sang duoc khoe lua dao',
  fr: "je tu il elle nous vous le la les un une des de du est suis pas ne que qui quoi pour avec dans sur mon ma mes ton c'est et ou mais tres bien merci bonjour salut oui non comment pourquoi travail offre aide j'ai ai moi toi veux peux faire aller etre emploi arnaque passeport parle francais au revoir ca va quel quelle cette ce sont avoir",
  en: 'i you he she we they the a an is are am was not what how why who where my your to of in on for with and or but please thanks hello hi yes no job work help can do does want need this that it me about offer scam passport speak english bye thank get know there have has will would could',
};

/** Letters that only Vietnamese uses among the three languages. */
const VI_ONLY = /[ăơưđạảãắằẳẵặấầẩẫậẹẻẽếềểễệỉịĩọỏõốồổỗộớờởỡợụủũứừửữựỳỵỷỹ]/u;
/** Letters that only French uses among the three languages. */
const FR_ONLY = /[çœîïûëÿ]/u;

/**
 * Words used in all three languages (English loanwords, brands, chat noise): they say nothing about
 * the language, so "hello ad oi" is judged on "ad oi" and "thanks" alone keeps the user's language.
 */
const NEUTRAL: ReadonlySet<string> = new Set(
  ('hello helo helloo hi hii hey heyy yo ok bye bb pp stop thanks thank thx tks ty menu quiz quizz game test sos hotline bot ad admin ' +
    'haha hihi hehe lol lmao mdr ptdr online sale job visa facebook fb zalo telegram whatsapp usd email cv start reset check data off ' +
    'shop sorry please pls plz nvm').split(' '),
);

/** Margin (nats) between the best and second language needed to be confident. */
export const LANG_MARGIN = 4;

const NEUTRAL_RE = new RegExp(`(?<!\\p{L})(?:${[...NEUTRAL].join('|')})+(?!\\p{L})`, 'gu');
/** Longest prefix of a message looked at: plenty to tell the language, bounded cost. */
const MAX_CHARS = 300;

/** Streams the character n-gram and word features of a message for language identification. */
function emitLanguageFeatures(lower: string, folded: string, sink: FeatureSink): void {
  const line = ` ${lower.slice(0, MAX_CHARS).replace(NEUTRAL_RE, ' ').replace(/[^\p{L}']+/gu, ' ').trim()} `;
  emitCharNgrams(line, 1, SEEDS.lang1, 0.5, sink);
  emitCharNgrams(line, 2, SEEDS.lang2, 0.5, sink);
  emitCharNgrams(line, 3, SEEDS.lang3, 0.5, sink);
  const words = tokenize(folded.slice(0, MAX_CHARS));
  for (const t of words) if (!NEUTRAL.has(t)) sink(hashString(t, SEEDS.langWord), 1);
}

/** The same features as a bag (training path). */
function languageFeatures(lower: string, folded: string): FeatureBag {
  const bag: FeatureBag = new Map();
  emitLanguageFeatures(lower, folded, (k, w) => void bag.set(k, (bag.get(k) ?? 0) + w));
  return bag;
}

/** Result of language identification. */
export interface LanguageGuess {
  lang: Lang;
  confident: boolean;
  /** Log-evidence margin over the second language. */
  margin: number;
}

const MODEL_OPTIONS = { alpha: 0.1, temperature: 1 };

/** Identifies the language of messages. */
export class LanguageIdentifier {
  private readonly model: LogBayes<Lang>;

  /**
   * @param samples training texts per language (the intent phrases), raw (NFC); or the
   * {@link LanguageIdentifier.snapshot} of a trained identifier, restored as it was.
   */
  constructor(samples: readonly { lang: Lang; text: string; folded: string }[] | LogBayesSnapshot) {
    if (!Array.isArray(samples)) {
      this.model = new LogBayes(LANGS, samples as LogBayesSnapshot, MODEL_OPTIONS);
      return;
    }
    const examples = samples.map((s) => ({ label: s.lang, bag: languageFeatures(s.text.toLowerCase(), s.folded) }));
    for (const lang of LANGS) {
      const words = FUNCTION_WORDS[lang];
      examples.push({ label: lang, bag: languageFeatures(words, words) });
    }
    this.model = new LogBayes(LANGS, examples, MODEL_OPTIONS);
  }

  /** The trained identifier as plain data (runtime cache). */
  snapshot(): LogBayesSnapshot {
    return this.model.snapshot();
  }

  /**
   * Most likely language of a message.
   * @param text NFC text; @param folded its folded form.
   * @param hasKnownWords false when no word of the message was ever seen: then only letters of
   * one language (Vietnamese or French diacritics) make the guess confident.
   */
  identify(text: string, folded: string, hasKnownWords = true): LanguageGuess {
    const lower = text.toLowerCase();
    const scores = this.model.logScores((sink) => emitLanguageFeatures(lower, folded, sink));
    const order = LANGS.map((lang, i) => ({ lang, s: scores[i] ?? -Infinity })).sort((a, b) => b.s - a.s);
    const [best, second] = order as [{ lang: Lang; s: number }, { lang: Lang; s: number }];
    const margin = best.s - second.s;
    if (VI_ONLY.test(lower)) return { lang: 'vi', confident: true, margin };
    if (FR_ONLY.test(lower) && best.lang !== 'vi') return { lang: 'fr', confident: true, margin };
    return { lang: best.lang, confident: hasKnownWords && margin >= LANG_MARGIN, margin };
  }

  /** Most likely language of any text (a pasted ad, a message), however unsure. */
  guess(text: string): Lang {
    const nfc = toNfc(text);
    return this.identify(nfc, fold(nfc)).lang;
  }
}
