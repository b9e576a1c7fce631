/** Languages the bot speaks. Order matters nowhere; `en` is the fallback of last resort. */
export const LANGS = ['vi', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Intent names of the catalogue. Dialogs and `_global.yaml` refer to these exact names. */
export const INTENTS = [
  'greet', 'menu', 'warning_signs', 'check_offer', 'quiz', 'stories', 'safe_migration',
  'get_help', 'danger', 'change_language', 'cancel', 'goodbye', 'thanks', 'about',
  'delete_data', 'talk_to_human', 'unknown',
  // Situations (issue 12): already paid or sent documents, a safety plan before leaving.
  'already_paid', 'safety_plan',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Intents added by issue 12 (situations), after the held-out sets up to holdout6.tsv were written. */
export const SITUATION_INTENTS: readonly Intent[] = ['already_paid', 'safety_plan'];

/** Short answers to a question, recognised by lexicon in every language ("yes", "ko", "pas sûr"). */
export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Entities found in a message. */
export interface Entities {
  /** Target language named in the message ("in English", "tieng viet"), if any. */
  language?: Lang;
  /** Countries and border towns named, as canonical ids (cambodia, myanmar, laos, thailand, myawaddy, ...). */
  places: string[];
}

/** What the recogniser understood of one message. */
export interface Recognition {
  /** NFC form of the message. */
  text: string;
  /** Folded form used for matching: lowercase, no diacritics, đ->d, teencode expanded, squeezed. */
  folded: string;
  /** Most likely language of the message. */
  lang: Lang;
  /** True when the message is long/clear enough to be sure of `lang`. */
  langConfident: boolean;
  intent: Intent;
  /** Confidence of `intent` in [0, 1]. */
  score: number;
  /** Yes / no / not sure, when the message is such an answer. */
  answer?: Answer;
  /**
   * Danger found in the message. `clear`: `intent` is `danger` (with the categories of
   * dialogs/nlu/danger.yaml that matched, empty when only the classifier told it). `possible`:
   * partial evidence; the bot asks the safety question, and `intent` is what it goes on with after a "no".
   */
  danger?: { level: 'clear' | 'possible'; categories: string[] };
  entities: Entities;
}

/** Recognises language, intent and entities of a message. Pure and synchronous after construction. */
export interface Recogniser {
  /** @param text raw user text; @param userLang the user's current language (kept when the text is too short to tell). */
  recognise(text: string, userLang: Lang): Recognition;
}
