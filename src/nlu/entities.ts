/**
 * Entities and short answers found in a folded message, by lexicon (see lexicons.ts).
 */
import { ANSWER_FILLERS, ANSWER_PHRASES, LANGUAGE_NAMES, PLACES } from './lexicons';
import { ANSWERS, LANGS, type Answer, type Entities, type Lang } from './types';

/** Whole-word regular expression over alternatives (regular-expression sources). */
function wordsRe(alternatives: readonly string[]): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'u');
}

const ANSWER_INDEX = new Map<string, Answer>();
for (const answer of ANSWERS) for (const p of ANSWER_PHRASES[answer]) ANSWER_INDEX.set(p, answer);

const LANGUAGE_RES = LANGS.map((lang) => ({ lang, re: wordsRe(LANGUAGE_NAMES[lang]) }));
const PLACE_RES = Object.entries(PLACES).map(([id, names]) => ({ id, re: wordsRe(names) }));

/**
 * Yes / no / not sure when the whole folded message is such an answer ("ko", "oui merci", "i don't know").
 * Longer sentences are left to the intent classifier.
 */
export function findAnswer(folded: string): Answer | undefined {
  const direct = ANSWER_INDEX.get(folded);
  if (direct) return direct;
  const words = folded.split(' ');
  if (words.length > 6) return undefined;
  const core = words.filter((w) => !ANSWER_FILLERS.has(w)).join(' ');
  return ANSWER_INDEX.get(core);
}

/** Language named in the message ("tieng anh", "en francais"), if exactly one is named. */
export function findLanguage(folded: string): Lang | undefined {
  const named = LANGUAGE_RES.filter(({ re }) => re.test(folded)).map(({ lang }) => lang);
  return named.length === 1 ? named[0] : undefined;
}

/** Canonical ids of the places named, in catalogue order. */
export function findPlaces(folded: string): string[] {
  return PLACE_RES.filter(({ re }) => re.test(folded)).map(({ id }) => id);
}

/** All entities of a folded message. */
export function findEntities(folded: string): Entities {
  const language = findLanguage(folded);
  return language ? { language, places: findPlaces(folded) } : { places: findPlaces(folded) };
}
