/**
 * Turns daily records into what campaign managers read: funnels per dialog (how many
 * reached each step, where people stop), risk levels, quiz bands, languages, and where
 * messages were not understood (counts only). Small counts are masked.
 */
import type { Experiment } from '../experiments/types';
import { mergeCounts } from './count-events';
import { listDays } from './day-store';
import {
  HANDOFF_DIALOG, buildDailySeries, buildExperimentStats, buildHandoffStats,
  type DayStats, type ExperimentStats, type HandoffStats, type Shown,
} from './report-sections';
import type { Counts, DailyRecord, Day } from './types';

export type { Shown } from './report-sections';

export interface StepStats {
  step: string;
  reached: Shown;
  /** Answers given at a question step (absent for steps that go on by themselves). */
  answered?: Shown;
  /** Reached but not answered: people who stopped or left at this question. */
  stopped?: Shown;
  notUnderstood: Shown;
  choices: { choice: string; count: Shown }[];
}

export interface DialogStats {
  dialog: string;
  started: Shown;
  completed: Shown;
  steps: StepStats[];
}

export interface StatsReport {
  from: Day;
  to: Day;
  daysWithData: number;
  minCount: number;
  languages: Record<string, Shown>;
  dialogs: DialogStats[];
  risk: { dialog: string; levels: Record<string, Shown> }[];
  quizBands: { dialog: string; bands: Record<string, Shown> }[];
  /** Where people stop most (question steps), largest first. */
  dropOuts: { dialog: string; step: string; stopped: Shown }[];
  /** Messages not understood, by place (`dialog/step`, or `idle` when no dialog was open), largest first. */
  fallbacks: { where: string; count: Shown }[];
  /** Day by day: conversations, risk levels, not-understood rate. */
  daily: DayStats[];
  handoffs: HandoffStats;
  /** A/B experiments: each variant's rate, interval and the verdict. */
  experiments: ExperimentStats[];
  /** Language the report is limited to (absent: every language). */
  lang?: string;
  /** True when conversations from test tools are counted too. */
  includesTest: boolean;
}

/** Options of {@link buildReport}. */
export interface ReportOptions {
  from: Day;
  to: Day;
  /** Counts below this are shown as `"<minCount>"` (STATS_MIN_COUNT, default 5). */
  minCount?: number;
  /** Step order per dialog (from the content); steps not listed follow, sorted. */
  stepOrder?: Record<string, string[]>;
  /** Steps that ask a question (have choices), per dialog: their drop-outs count even when nobody answered. */
  questionSteps?: Record<string, string[]>;
  /** How many drop-out and fallback places to list (default 10). */
  top?: number;
  /** Declared experiments (dialogs/_experiments.yaml), for their outcome and minimum sample. */
  experiments?: readonly Experiment[];
  /** The records are of this language only. */
  lang?: string;
  /** The records include test conversations. */
  includesTest?: boolean;
}

const RISK_LEVELS = ['high', 'medium', 'low'];

/** Up to three ids after a counter's prefix (`''` when absent). */
type Parts = [string, string, string];
type Entry = [Parts, number];

/** Counters `prefix|a|b|c` as `[[a, b, c], count]`. */
function pick(counts: Counts, prefix: string): Entry[] {
  const out: Entry[] = [];
  for (const [name, n] of counts) {
    const [head, a = '', b = '', c = ''] = name.split('|');
    if (head === prefix) out.push([[a, b, c], n]);
  }
  return out;
}

function sum(list: Entry[], match: (parts: Parts) => boolean): number {
  return list.filter(([parts]) => match(parts)).reduce((t, [, n]) => t + n, 0);
}

/** Builds the report of `records` (any order). */
export function buildReport(records: DailyRecord[], options: ReportOptions): StatsReport {
  const minCount = options.minCount ?? 5;
  const top = options.top ?? 10;
  const show = (n: number): Shown => (n < minCount ? `<${minCount}` : n);
  const counts: Counts = new Map();
  for (const r of records) mergeCounts(counts, r.counts);

  const started = pick(counts, 'started');
  const steps = pick(counts, 'step');
  const choices = pick(counts, 'choice');
  const completed = pick(counts, 'completed');
  const notUnderstood = pick(counts, 'not_understood');
  const dialogIds = [...new Set([...started, ...steps, ...completed].map(([p]) => p[0]))].filter((d) => d !== HANDOFF_DIALOG).sort();

  const dropOuts: { dialog: string; step: string; stopped: number }[] = [];
  const dialogs = dialogIds.map((dialog): DialogStats => {
    const seen = new Set(steps.filter(([p]) => p[0] === dialog).map(([p]) => p[1]));
    const order = options.stepOrder?.[dialog] ?? [];
    const stepIds = [...order, ...[...seen].filter((s) => !order.includes(s)).sort()];
    return {
      dialog,
      started: show(sum(started, (p) => p[0] === dialog)),
      completed: show(sum(completed, (p) => p[0] === dialog)),
      steps: stepIds.map((step): StepStats => {
        const reached = sum(steps, (p) => p[0] === dialog && p[1] === step);
        const mine = choices.filter(([p]) => p[0] === dialog && p[1] === step);
        const stats: StepStats = {
          step,
          reached: show(reached),
          notUnderstood: show(sum(notUnderstood, (p) => p[0] === dialog && p[1] === step)),
          choices: mine.sort((a, b) => b[1] - a[1]).map(([p, n]) => ({ choice: p[2], count: show(n) })),
        };
        if (mine.length > 0 || options.questionSteps?.[dialog]?.includes(step)) {
          const answered = sum(mine, () => true);
          const stopped = Math.max(0, reached - answered);
          Object.assign(stats, { answered: show(answered), stopped: show(stopped) });
          if (stopped > 0) dropOuts.push({ dialog, step, stopped });
        }
        return stats;
      }),
    };
  });

  /** Per dialog: counts of `names` (or of every name seen, in step order) under `prefix`. */
  const levelsOf = (prefix: string, names?: string[]) =>
    [...new Set(pick(counts, prefix).map(([p]) => p[0]))].sort().map((dialog) => {
      const list = pick(counts, prefix).filter(([p]) => p[0] === dialog);
      const order = options.stepOrder?.[dialog] ?? [];
      const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
      const seen = names ?? [...new Set(list.map(([p]) => p[1]))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      return { dialog, values: Object.fromEntries(seen.map((l) => [l, show(sum(list, (p) => p[1] === l))])) };
    });

  const fallbacks = [
    ...notUnderstood.map(([p, n]) => ({ where: `${p[0]}/${p[1]}`, n })),
    { where: 'idle', n: sum(pick(counts, 'unknown_intent'), () => true) },
  ].filter((f) => f.n > 0);

  return {
    from: options.from,
    to: options.to,
    daysWithData: records.length,
    minCount,
    languages: Object.fromEntries(pick(counts, 'started_lang').sort((a, b) => a[0][0].localeCompare(b[0][0])).map(([p, n]) => [p[0], show(n)])),
    dialogs,
    risk: levelsOf('risk', RISK_LEVELS).map(({ dialog, values }) => ({ dialog, levels: values })),
    quizBands: levelsOf('quiz_band').map(({ dialog, values }) => ({ dialog, bands: values })),
    dropOuts: dropOuts.sort((a, b) => b.stopped - a.stopped).slice(0, top).map((d) => ({ ...d, stopped: show(d.stopped) })),
    fallbacks: fallbacks.sort((a, b) => b.n - a.n).slice(0, top).map((f) => ({ where: f.where, count: show(f.n) })),
    daily: buildDailySeries(records, listDays(options.from, options.to), minCount),
    handoffs: buildHandoffStats(counts, minCount),
    experiments: buildExperimentStats(counts, options.experiments ?? [], minCount),
    ...(options.lang ? { lang: options.lang } : {}),
    includesTest: options.includesTest ?? false,
  };
}
