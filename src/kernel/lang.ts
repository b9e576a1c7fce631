/** Languages the bot speaks. Order matters nowhere; `en` is the fallback of last resort. */
export const LANGS = ['vi', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
