/**
 * The report's sections beyond funnels: day-by-day series (conversations, risk levels,
 * not-understood rate), hand-offs (the `handoff` steps counted by the hand-off module)
 * and A/B experiments. Counts under the threshold are masked; a rate is shown only when
 * both of its counts are shown.
 */
import { describeOutcome, type Experiment } from '../experiments/types';
import { TEST_EXPLAINED, compareVariants, type Comparison } from './compare-variants';
import type { Counts, DailyRecord, Day } from './types';

/** A count, or `"<N>"` when below the threshold. */
export type Shown = number | string;

/** One day of the series. */
export interface DayStats {
  day: Day;
  /** Dialogs started. */
  started: Shown;
  /** Turns (messages and taps answered). */
  turns: Shown;
  /** Messages not understood (inside a dialog or with none open). */
  notUnderstood: Shown;
  /** notUnderstood / turns, or null when either is masked. */
  notUnderstoodRate: number | null;
  /** Risk levels found by the offer check and the scanner. */
  risk: { high: Shown; medium: Shown; low: Shown };
}

/** Hand-offs to counsellors. */
export interface HandoffStats {
  requested: Shown;
  /** Requested outside opening hours. */
  requestedClosed: Shown;
  pickedUp: Shown;
  abandoned: Shown;
  /** Waiting time before pick-up, by band (`under 1 min` …). */
  waiting: { band: string; count: Shown }[];
}

/** One experiment's result. */
export interface ExperimentStats extends Comparison {
  id: string;
  text: string;
  outcome: string;
  minSample: number;
  explained: string;
}

/** Hand-off steps (src/handoff/) and what the dashboard calls them. */
export const HANDOFF_DIALOG = 'handoff';
const WAIT_BANDS: [string, string][] = [
  ['wait_under_1m', 'under 1 min'],
  ['wait_1_5m', '1-5 min'],
  ['wait_5_15m', '5-15 min'],
  ['wait_15_60m', '15-60 min'],
  ['wait_over_1h', 'over 1 hour'],
];

function total(counts: Counts | Record<string, number>, match: (parts: string[]) => boolean): number {
  let n = 0;
  for (const [name, value] of counts instanceof Map ? counts : Object.entries(counts)) if (match(name.split('|'))) n += value;
  return n;
}

/** The series of `records`, one entry per day from `from` to `to` (days without data count 0). */
export function buildDailySeries(records: DailyRecord[], days: Day[], minCount: number): DayStats[] {
  const show = (n: number): Shown => (n < minCount ? `<${minCount}` : n);
  const byDay = new Map(records.map((r) => [r.day, r.counts]));
  return days.map((day) => {
    const c = byDay.get(day) ?? {};
    const turns = total(c, (p) => p[0] === 'turn');
    const notUnderstood = total(c, (p) => p[0] === 'not_understood' || p[0] === 'unknown_intent');
    const risk = (level: string) => show(total(c, (p) => p[0] === 'risk' && p[2] === level));
    return {
      day,
      started: show(total(c, (p) => p[0] === 'started' && p[1] !== HANDOFF_DIALOG)),
      turns: show(turns),
      notUnderstood: show(notUnderstood),
      notUnderstoodRate: turns >= minCount && notUnderstood >= minCount ? notUnderstood / turns : null,
      risk: { high: risk('high'), medium: risk('medium'), low: risk('low') },
    };
  });
}

/** Hand-off counts (zero when the hand-off module counted nothing). */
export function buildHandoffStats(counts: Counts, minCount: number): HandoffStats {
  const show = (n: number): Shown => (n < minCount ? `<${minCount}` : n);
  const step = (name: string) => total(counts, (p) => p[0] === 'step' && p[1] === HANDOFF_DIALOG && p[2] === name);
  return {
    requested: show(step('requested_open') + step('requested_closed')),
    requestedClosed: show(step('requested_closed')),
    pickedUp: show(step('picked_up')),
    abandoned: show(step('abandoned')),
    waiting: WAIT_BANDS.map(([id, band]) => ({ band, count: show(step(id)) })),
  };
}

/** Results of the declared experiments, and of any experiment still found in the counts. */
export function buildExperimentStats(counts: Counts, experiments: readonly Experiment[], minCount: number, defaultMinSample = 100): ExperimentStats[] {
  const seen = new Map<string, Set<string>>();
  for (const [name] of counts) {
    const [head, id, variant] = name.split('|');
    if ((head === 'ab_exposed' || head === 'ab_converted') && id && variant) {
      if (!seen.has(id)) seen.set(id, new Set());
      seen.get(id)!.add(variant);
    }
  }
  const declared = new Map(experiments.map((e) => [e.id, e]));
  const ids = [...new Set([...declared.keys(), ...seen.keys()])].sort();
  return ids.map((id) => {
    const e = declared.get(id);
    const variants = [...new Set([...(e?.variants ?? []), ...[...(seen.get(id) ?? [])].sort()])];
    const count = (head: string, variant: string) => counts.get(`${head}|${id}|${variant}`) ?? 0;
    const minSample = e?.minSample ?? defaultMinSample;
    const comparison = compareVariants(
      variants.map((variant) => ({ variant, exposed: count('ab_exposed', variant), converted: count('ab_converted', variant) })),
      minSample,
      minCount,
    );
    return {
      id,
      text: e?.text ?? '(no longer in dialogs/_experiments.yaml)',
      outcome: e ? describeOutcome(e.outcome) : 'unknown',
      minSample,
      explained: TEST_EXPLAINED,
      ...comparison,
    };
  });
}
