/**
 * Names a dialog can use in conditions and `{{variables}}`: what its steps and choices
 * `set`, the counters they `add` to (`score`, `total`, …), and the engine's built-ins.
 */
import type { RawDialog } from './schema';

/**
 * Set by the engine: `score` and `total` (counters, 0 until added to), `risk` and
 * `flag_count` (in the `on_offer_text` dialog: low, medium or high; how many signs the scan
 * found), `evidence` (in `each: scan_flags` texts said in the turn of the scan) and `intent`
 * (in the `on_possible_danger` dialog: what else the message asked for, or `unknown`).
 */
export const BUILTIN_VARS = ['score', 'total', 'risk', 'flag_count', 'evidence', 'intent'] as const;

/** Filled by the channel in every text: `retention_days` (STATE_TTL_DAYS, for the hand-off consent). */
export const CHANNEL_VARS = ['retention_days'] as const;

/** Names the dialog's steps and choices set or add to, in order of appearance. */
export function namesSetByDialog(raw: RawDialog): string[] {
  const names = new Set<string>();
  for (const step of Object.values(raw.steps)) {
    Object.keys(step.set ?? {}).forEach((n) => names.add(n));
    for (const c of Object.values(step.choices ?? {})) {
      Object.keys(c.set ?? {}).forEach((n) => names.add(n));
      Object.keys(c.add ?? {}).forEach((n) => names.add(n));
      if (c.score !== undefined) names.add('score');
    }
  }
  return [...names];
}

/** Counters of a dialog (names used in `add` or `score`): they start at 0. */
export function countersOfDialog(raw: RawDialog): string[] {
  const names = new Set<string>();
  for (const step of Object.values(raw.steps)) {
    for (const c of Object.values(step.choices ?? {})) {
      Object.keys(c.add ?? {}).forEach((n) => names.add(n));
      if (c.score !== undefined) names.add('score');
    }
  }
  return [...names];
}
