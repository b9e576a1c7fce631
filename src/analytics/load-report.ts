/**
 * Reads the daily records of a period and builds the report: shared by `npm run stats`
 * and `GET /admin/stats`, so both show the same numbers.
 */
import type { Content } from '../engine/types';
import type { StateStore } from '../storage/types';
import { listStepsInOrder } from '../script/step-order';
import { buildReport, type StatsReport } from './build-report';
import type { Experiment } from '../experiments/types';
import { listDays, parseDay, readDays, toDay } from './day-store';
import type { DailyRecord } from './types';

/** Default period: the last 30 days including today. */
export const DEFAULT_DAYS = 30;

export interface LoadReportOptions {
  /** `YYYY-MM-DD`; default 29 days before `to`. */
  from?: string;
  /** `YYYY-MM-DD`; default today (UTC). */
  to?: string;
  minCount?: number;
  /** Content, for the order of steps in the funnels. */
  content?: Content | null;
  now?: Date;
  /** Declared A/B experiments. */
  experiments?: readonly Experiment[];
  /** Only conversations in this language (vi, fr, en, other). */
  lang?: string;
  /** Count conversations from test tools too (default: left out). */
  includeTest?: boolean;
}

/** Counts below this show as "<N>" unless STATS_MIN_COUNT says otherwise (src/config.ts). */
export const DEFAULT_MIN_COUNT = 5;

/**
 * Checks and completes a period (default: the last 30 days to today, UTC).
 * Throws a message for the user on malformed, reversed or too long periods.
 */
export function resolvePeriod(from?: string, to?: string, now = new Date()): { from: string; to: string } {
  const end = to ? parseDay(to, 'to') : toDay(now);
  const start = from ? parseDay(from, 'from') : toDay(new Date(Date.parse(`${end}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000));
  listDays(start, end);
  return { from: start, to: end };
}

/** Builds the report of `store` for the period in `options`. Throws on malformed dates (see resolvePeriod). */
export async function loadReport(store: StateStore, options: LoadReportOptions = {}): Promise<StatsReport> {
  const { from, to } = resolvePeriod(options.from, options.to, options.now);
  const lang = options.lang ? parseLang(options.lang) : undefined;
  const records = await readDays(store, from, to, lang ? { lang } : {});
  if (options.includeTest) records.push(...(await readDays(store, from, to, { test: true, ...(lang ? { lang } : {}) })));
  const stepOrder: Record<string, string[]> = {};
  const questionSteps: Record<string, string[]> = {};
  for (const dialog of Object.values(options.content?.dialogs ?? {})) {
    stepOrder[dialog.id] = listStepsInOrder(dialog);
    questionSteps[dialog.id] = Object.values(dialog.steps).filter((step) => step.choices).map((step) => step.id);
  }
  return buildReport(mergeByDay(records), {
    from, to, minCount: options.minCount ?? DEFAULT_MIN_COUNT, stepOrder, questionSteps,
    experiments: options.experiments ?? [], ...(lang ? { lang } : {}), includesTest: options.includeTest ?? false,
  });
}

/** Languages a report can be limited to. */
export const REPORT_LANGS = ['vi', 'fr', 'en', 'other'] as const;

/** Checks a language filter; throws naming the allowed values. */
export function parseLang(value: string): string {
  if ((REPORT_LANGS as readonly string[]).includes(value)) return value;
  throw new Error(`language '${value}' is not one of ${REPORT_LANGS.join(', ')}.`);
}

/** One record per day (real and test records of a day added together). */
function mergeByDay(records: DailyRecord[]): DailyRecord[] {
  const byDay = new Map<string, DailyRecord>();
  for (const r of records) {
    const found = byDay.get(r.day);
    if (!found) byDay.set(r.day, { ...r, counts: { ...r.counts } });
    else for (const [k, n] of Object.entries(r.counts)) found.counts[k] = (found.counts[k] ?? 0) + n;
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}
