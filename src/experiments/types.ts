/**
 * A/B experiments on texts: a text in locales/ gets variants written next to it as
 * `<key>@<variant>` (the text itself is variant `a`), and dialogs/_experiments.yaml names
 * the text and the outcome that decides. See docs/campaign-guide.md.
 */

/** What counts as success for a conversation that saw the text. */
export type Outcome =
  | { type: 'started'; dialog: string }
  | { type: 'completed'; dialog: string }
  | { type: 'reached'; dialog: string; step: string };

/** One experiment, as loaded and validated. */
export interface Experiment {
  /** Id from dialogs/_experiments.yaml (`menu-check-first`): shown in statistics. */
  id: string;
  /** The text that has variants, `namespace:path`. */
  text: string;
  /** Variant ids, `a` (the text itself) first. */
  variants: string[];
  outcome: Outcome;
  /** Conversations per variant before a winner may be called. */
  minSample: number;
}

/** Separator between a key and its variant id in locales/ (`intro.text@b`). */
export const VARIANT_SEPARATOR = '@';

/** The original text's variant id. */
export const CONTROL_VARIANT = 'a';

/** Default minimum sample per variant. */
export const DEFAULT_MIN_SAMPLE = 100;

/** Per conversation: experiment id -> assigned variant, and whether its outcome was counted. */
export type Assignments = Record<string, { variant: string; converted?: boolean }>;

/** What a turn reports to analytics: counts only, never an id of a person or conversation. */
export interface ExperimentEvent {
  type: 'exposed' | 'converted';
  experiment: string;
  variant: string;
}

/** Human-readable outcome, e.g. `completes check-offer`. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.type === 'started') return `opens ${outcome.dialog}`;
  if (outcome.type === 'completed') return `finishes ${outcome.dialog}`;
  return `reaches ${outcome.dialog}/${outcome.step}`;
}
