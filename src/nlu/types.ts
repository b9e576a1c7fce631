import type { Answer, Intent } from '../kernel/intent';
import type { Entities } from '../kernel/entities';
import type { Lang } from '../kernel/lang';

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
  /** Language of a greeting-only message (`greetings` of dialogs/nlu/lexicons.yaml) whose words fit one language only. */
  greetingLang?: Lang;
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
