/** Languages the bot speaks. Order matters nowhere; `en` is the fallback of last resort. */
export const LANGS = ['vi', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Guesses the language of a text, sure or not (the one guesser: src/nlu/language-id.ts). */
export type GuessLanguage = (text: string) => Lang;
