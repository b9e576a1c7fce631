/**
 * The language of a user's first message. Before the user has said anything the bot only
 * assumes a language (the client's locale, else DEFAULT_LANG); the first message decides it
 * when its language is clear: the language identifier is confident, or the message is only a
 * greeting whose words belong to one language ("hello", "bonjour", "xin chào"). Greetings are
 * too short for the identifier, which rightly treats "hello" as neutral in later messages
 * ("hello ad oi" is Vietnamese).
 */
import type { Lang } from '../kernel/lang';
import type { Recognition } from '../nlu/types';

/**
 * Folded words a greeting-only first message may contain, by language. A word listed under two
 * languages ("a", "yo") fits both; `NEUTRAL_WORDS` fit every language.
 */
const GREETING_WORDS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  en: new Set('hello helo hallo hellu hi hii hiya hey heyy heya howdy yo greetings good morning afternoon evening day there everyone everybody all friend friends again'.split(' ')),
  fr: new Set('bonjour bonjours rebonjour bonsoir salut coucou allo yo tout le monde a tous toutes vous toi madame monsieur'.split(' ')),
  vi: new Set('xin chao alo lo ban oi a nhe nha em anh chi moi nguoi buoi sang toi trua'.split(' ')),
};

/** Words that say nothing about the language in a greeting. */
const NEUTRAL_WORDS: ReadonlySet<string> = new Set(['bot', 'robot', 'ad', 'admin', 'thinkfirst']);

/** Longest greeting-only message considered (in words). */
const MAX_GREETING_WORDS = 5;

/**
 * The language of a greeting-only message (folded text), when exactly one language has all its
 * words; undefined for anything else ("hello ban oi" mixes two, "yo" fits two).
 */
export function greetingLanguage(folded: string): Lang | undefined {
  const words = folded.split(' ').filter((w) => w !== '' && !NEUTRAL_WORDS.has(w));
  if (words.length === 0 || words.length > MAX_GREETING_WORDS) return undefined;
  const fitting = (Object.keys(GREETING_WORDS) as Lang[]).filter((lang) => words.every((w) => GREETING_WORDS[lang].has(w)));
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** The language a first message makes clear, if any: the identifier's when confident, else a greeting's. */
export function firstMessageLanguage(recognition: Pick<Recognition, 'lang' | 'langConfident' | 'folded'>): Lang | undefined {
  if (recognition.langConfident) return recognition.lang;
  return greetingLanguage(recognition.folded);
}
