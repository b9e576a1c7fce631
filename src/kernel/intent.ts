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
