/** Languages the bot speaks. Order matters nowhere; `en` is the fallback of last resort. */
export const LANGS = ['vi', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Guesses the language of a text, sure or not (the one guesser: src/nlu/language-id.ts). */
export type GuessLanguage = (text: string) => Lang;

/** One value per language, made by `make`. */
export function perLanguage<T>(make: (lang: Lang) => T): Record<Lang, T> {
  return Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as Record<Lang, T>;
}
