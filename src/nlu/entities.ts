/**
 * Entities and short answers found in a folded message, by the lexicons of dialogs/nlu/lexicons.yaml.
 */
import type { Lexicons } from './lexicon-schema';
import { ANSWERS, type Answer } from '../kernel/intent';
import { LANGS, type Lang } from '../kernel/lang';
import type { Entities } from '../kernel/entities';

/** Whole-word regular expression over alternatives (regular-expression sources). */
function wordsRe(alternatives: readonly string[]): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'u');
}

/** Longest greeting-only message considered (in words). */
const MAX_GREETING_WORDS = 5;

/** Finds short answers, button words, languages, places and greetings in folded messages. */
export class EntityFinder {
  private readonly answers = new Map<string, Answer>();
  private readonly fillers: ReadonlySet<string>;
  private readonly navigation: ReadonlySet<string>;
  private readonly languages: { lang: Lang; re: RegExp }[];
  private readonly places: { id: string; re: RegExp }[];
  private readonly greetings: { lang: Lang; words: ReadonlySet<string> }[];
  private readonly neutralGreetings: ReadonlySet<string>;

  constructor(lexicons: Lexicons) {
    for (const answer of ANSWERS) for (const p of lexicons.answers[answer]) this.answers.set(p, answer);
    this.fillers = new Set(lexicons.answer_fillers);
    this.navigation = new Set(lexicons.navigation);
    this.languages = LANGS.map((lang) => ({ lang, re: wordsRe(lexicons.language_names[lang]) }));
    this.places = Object.entries(lexicons.places).map(([id, names]) => ({ id, re: wordsRe(names) }));
    this.greetings = LANGS.map((lang) => ({ lang, words: new Set(lexicons.greetings[lang]) }));
    this.neutralGreetings = new Set(lexicons.greetings.neutral);
  }

  /**
   * The language of a greeting-only message ("hello", "salut à tous", "xin chào"), when all its
   * words are greeting words of exactly one language; undefined for anything else ("hello ban oi"
   * mixes two, "yo" fits two, longer messages are no greeting).
   */
  findGreetingLanguage(folded: string): Lang | undefined {
    const words = folded.split(' ').filter((w) => w !== '' && !this.neutralGreetings.has(w));
    if (words.length === 0 || words.length > MAX_GREETING_WORDS) return undefined;
    const fitting = this.greetings.filter((g) => words.every((w) => g.words.has(w)));
    return fitting.length === 1 ? fitting[0]!.lang : undefined;
  }

  /**
   * Yes / no / not sure when the whole folded message is such an answer ("ko", "oui merci", "i don't know").
   * Longer sentences are left to the intent classifier.
   */
  findAnswer(folded: string): Answer | undefined {
    const direct = this.answers.get(folded);
    if (direct) return direct;
    const words = folded.split(' ');
    if (words.length > 6) return undefined;
    return this.answers.get(words.filter((w) => !this.fillers.has(w)).join(' '));
  }

  /** True when the message's words are a button word ("next", "tiếp theo", "retour"). */
  isNavigation(words: readonly string[]): boolean {
    return this.navigation.has(words.join(' '));
  }

  /** Language named in the message ("tieng anh", "en francais"), if exactly one is named. */
  findLanguage(folded: string): Lang | undefined {
    const named = this.languages.filter(({ re }) => re.test(folded)).map(({ lang }) => lang);
    return named.length === 1 ? named[0] : undefined;
  }

  /** Canonical ids of the places named, in file order. */
  findPlaces(folded: string): string[] {
    return this.places.filter(({ re }) => re.test(folded)).map(({ id }) => id);
  }

  /** All entities of a folded message. */
  findEntities(folded: string): Entities {
    const language = this.findLanguage(folded);
    return language ? { language, places: this.findPlaces(folded) } : { places: this.findPlaces(folded) };
  }
}
