/**
 * Reads the daily records of a period and builds the report: shared by `npm run stats`
 * and `GET /admin/stats`, so both show the same numbers.
 */
import type { Content } from '../engine/types';
import type { StateStore } from '../storage/types';
import { listStepsInOrder } from '../tools/graph/step-order';
import { buildReport, type StatsReport } from './build-report';
import { listDays, parseDay, readDays, toDay } from './day-store';

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
  const records = await readDays(store, from, to);
  const stepOrder: Record<string, string[]> = {};
  const questionSteps: Record<string, string[]> = {};
  for (const dialog of Object.values(options.content?.dialogs ?? {})) {
    stepOrder[dialog.id] = listStepsInOrder(dialog);
    questionSteps[dialog.id] = Object.values(dialog.steps).filter((step) => step.choices).map((step) => step.id);
  }
  return buildReport(records, { from, to, minCount: options.minCount ?? DEFAULT_MIN_COUNT, stepOrder, questionSteps });
}
