/**
 * Evaluation of the recogniser on a labelled set (`lang<TAB>intent<TAB>text` per line, see read-labelled-rows.ts):
 * accuracy overall and per language, per-intent precision and recall, language identification
 * accuracy, confusion matrix, and every prediction.
 */
import type { LabelledRow } from './read-labelled-rows';
import { INTENTS, type Intent } from '../kernel/intent';
import { LANGS, type Lang } from '../kernel/lang';
import type { Recogniser } from './types';

export { readLabelledRows, type LabelledRow } from './read-labelled-rows';

/** One prediction, in input order. */
export interface EvalItem {
  text: string;
  lang: Lang;
  intent: Intent;
  predictedLang: Lang;
  predictedIntent: Intent;
  score: number;
  /** True when the bot asks the safety question (partial evidence): `predictedIntent` is then `danger`. */
  safetyQuestion: boolean;
  /** True when the language was identified from the text, not kept from the user's language. */
  langConfident: boolean;
}

/** Evaluation results (the `--json` output of `npm run nlu:eval`). */
export interface EvalReport {
  total: number;
  accuracy: number;
  byLanguage: Record<Lang, number>;
  /** Share of rows whose reply language is right (the user's language is given per `userLangMode`). */
  languageAccuracy: number;
  userLangMode: UserLangMode;
  /** Identification from the text alone: share of rows judged confidently, and accuracy on those. */
  languageConfident: { share: number; accuracy: number };
  intents: Record<Intent, { precision: number; recall: number; support: number }>;
  /** confusion[expected][predicted] = count (only non-zero cells). */
  confusion: Record<string, Record<string, number>>;
  items: EvalItem[];
}

/** How the user's current language is chosen for each row. */
export type UserLangMode = 'other' | 'same' | Lang;

/**
 * The language a user "had" before a row. `same` (default): the user already chose the row's language,
 * as a Vietnamese speaker would; a wrong confident switch is an error. `other`: strict, the user's
 * language is always wrong, so every message too short to tell ("ok", "bye") counts as an error.
 */
function pickUserLang(row: LabelledRow, mode: UserLangMode): Lang {
  if (mode === 'same') return row.lang;
  if (mode === 'other') return LANGS[(LANGS.indexOf(row.lang) + 1) % LANGS.length] as Lang;
  return mode;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Runs the recogniser on every row and computes the metrics. */
export function evaluate(recogniser: Recogniser, rows: readonly LabelledRow[], mode: UserLangMode = 'same'): EvalReport {
  const items: EvalItem[] = rows.map((row) => {
    const r = recogniser.recognise(row.text, pickUserLang(row, mode));
    // The safety question counts as danger: for recall, and as a false alarm on any other message.
    const safetyQuestion = r.danger?.level === 'possible';
    const predictedIntent = safetyQuestion ? 'danger' : r.intent;
    return { text: row.text, lang: row.lang, intent: row.intent, predictedLang: r.lang, predictedIntent, score: r.score, safetyQuestion, langConfident: r.langConfident };
  });
  const confusion: Record<string, Record<string, number>> = {};
  for (const it of items) {
    const row = (confusion[it.intent] ??= {});
    row[it.predictedIntent] = (row[it.predictedIntent] ?? 0) + 1;
  }
  const intents = {} as EvalReport['intents'];
  for (const intent of INTENTS) {
    const tp = items.filter((it) => it.intent === intent && it.predictedIntent === intent).length;
    const predicted = items.filter((it) => it.predictedIntent === intent).length;
    const support = items.filter((it) => it.intent === intent).length;
    intents[intent] = { precision: ratio(tp, predicted), recall: ratio(tp, support), support };
  }
  const confident = items.filter((it) => it.langConfident);
  const byLanguage = {} as Record<Lang, number>;
  for (const lang of LANGS) {
    const mine = items.filter((it) => it.lang === lang);
    byLanguage[lang] = ratio(mine.filter((it) => it.intent === it.predictedIntent).length, mine.length);
  }
  return {
    total: items.length,
    accuracy: ratio(items.filter((it) => it.intent === it.predictedIntent).length, items.length),
    byLanguage,
    languageAccuracy: ratio(items.filter((it) => it.lang === it.predictedLang).length, items.length),
    userLangMode: mode,
    languageConfident: {
      share: ratio(confident.length, items.length),
      accuracy: ratio(confident.filter((it) => it.lang === it.predictedLang).length, confident.length),
    },
    intents,
    confusion,
    items,
  };
}
