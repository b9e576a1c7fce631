/**
 * Anonymous analytics: one record per UTC day of plain counters. A record holds
 * content ids (dialog, step, choice), languages and counts only: never a user or
 * conversation id, never message text.
 */

/** Marks an analytics record in the store, so a stray item is never mistaken for one. */
export const RECORD_KIND = 'thinkfirst-analytics';

/** Storage key prefix; the full key is `analytics/daily/<YYYY-MM-DD>` (all languages) or `analytics/daily/<lang>/<YYYY-MM-DD>`. */
export const DAY_KEY_PREFIX = 'analytics/daily/';

/** The same records for conversations from test tools (Emulator, local web chat, preview): `analytics/test/…`. */
export const TEST_DAY_KEY_PREFIX = 'analytics/test/';

/** Which records: real or test conversations, all languages or one. */
export interface RecordScope {
  test?: boolean;
  /** One language (`vi`, `fr`, `en`, `other`); absent: every language. */
  lang?: string;
}

/** A day as `YYYY-MM-DD` (UTC). */
export type Day = string;

/** Counters of one day, stored as one StateStore item. */
export interface DailyRecord {
  kind: typeof RECORD_KIND;
  version: 1;
  day: Day;
  /**
   * Counter name -> count. Names are `|`-separated content ids:
   * `started|<dialog>`, `started_lang|<lang>`, `step|<dialog>|<step>`,
   * `choice|<dialog>|<step>|<choice>`, `completed|<dialog>`, `risk|<dialog>|<low|medium|high>`,
   * `quiz_band|<dialog>|<result step>`, `not_understood|<dialog>|<step>`, `unknown_intent`,
   * `turn` (turns with events), `ab_exposed|<experiment>|<variant>`, `ab_converted|<experiment>|<variant>`.
   */
  counts: Record<string, number>;
}

/** Counter deltas waiting to be written. */
export type Counts = Map<string, number>;
