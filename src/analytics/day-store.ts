/**
 * Daily analytics records in a StateStore. Increments use eTag compare-and-set with
 * retries, so several bot instances writing the same day never lose a count.
 */
import { isStorageConflict } from '../storage/errors';
import type { StateStore } from '../storage/types';
import { mergeCounts } from './count-events';
import { DAY_KEY_PREFIX, RECORD_KIND, TEST_DAY_KEY_PREFIX, type Counts, type DailyRecord, type Day, type RecordScope } from './types';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** Longest span `readDays` accepts. */
export const MAX_DAYS = 366;

/** Options of {@link addToDay}. */
export interface AddOptions {
  /** Compare-and-set attempts before giving up (default 10). */
  maxAttempts?: number;
  /** Which record (default: real conversations, every language). */
  scope?: RecordScope;
}

const LANG_PATTERN = /^[a-z]{2,5}$/;

/** Storage key of `day` in `scope` (default: real conversations, every language). */
export function toDayKey(day: Day, scope: RecordScope = {}): string {
  const lang = scope.lang && LANG_PATTERN.test(scope.lang) ? `${scope.lang}/` : '';
  return `${scope.test ? TEST_DAY_KEY_PREFIX : DAY_KEY_PREFIX}${lang}${day}`;
}

/** UTC day of `date` as `YYYY-MM-DD`. */
export function toDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/** The UTC day after `day`. */
export function nextDay(day: Day): Day {
  return toDay(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));
}

/** Checks a `YYYY-MM-DD` string; throws naming `what` and the expected form. */
export function parseDay(value: string, what: string): Day {
  if (!DAY_PATTERN.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || toDay(new Date(`${value}T00:00:00Z`)) !== value) {
    throw new Error(`${what} '${value}' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01.`);
  }
  return value;
}

function emptyRecord(day: Day): DailyRecord {
  return { kind: RECORD_KIND, version: 1, day, counts: {} };
}

function isRecord(value: unknown): value is DailyRecord & { eTag?: string } {
  const v = value as Partial<DailyRecord> | undefined;
  return v?.kind === RECORD_KIND && typeof v.day === 'string' && typeof v.counts === 'object' && v.counts !== null;
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt + 2));
}

/**
 * Creates the record of `day` when the store has none. Writing an empty record blind is
 * harmless; the recorder calls this for tomorrow ahead of time, so counts themselves are
 * always written with an eTag.
 */
export async function ensureDay(store: StateStore, day: Day, scope: RecordScope = {}): Promise<void> {
  const key = toDayKey(day, scope);
  const found = await store.read([key]);
  if (!isRecord(found[key])) await store.write({ [key]: emptyRecord(day) });
}

/**
 * Adds `deltas` to the record of `day` with eTag compare-and-set, re-reading and retrying
 * on conflicts. Throws when the store fails for another reason or after `maxAttempts`.
 */
export async function addToDay(store: StateStore, day: Day, deltas: Counts, options: AddOptions = {}): Promise<void> {
  if (deltas.size === 0) return;
  const scope = options.scope ?? {};
  const key = toDayKey(day, scope);
  const maxAttempts = options.maxAttempts ?? 10;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const found = (await store.read([key]))[key];
    if (!isRecord(found)) {
      await ensureDay(store, day, scope);
      continue;
    }
    const counts = mergeCounts(new Map(Object.entries(found.counts)), deltas);
    const next: DailyRecord & { eTag?: string } = { ...emptyRecord(day), counts: Object.fromEntries(counts), eTag: found.eTag };
    try {
      await store.write({ [key]: next });
      return;
    } catch (err) {
      if (!isStorageConflict(err)) throw err;
      await pause(attempt);
    }
  }
  throw new Error(`analytics: could not add to ${key} after ${maxAttempts} attempts (other instances kept writing it); the counts stay queued for the next flush.`);
}

/** Days from `from` to `to` inclusive; throws when the span is reversed or longer than MAX_DAYS. */
export function listDays(from: Day, to: Day): Day[] {
  if (from > to) throw new Error(`the start date ${from} is after the end date ${to}: swap --from and --to.`);
  const days: Day[] = [];
  for (let day = from; day <= to; day = nextDay(day)) {
    days.push(day);
    if (days.length > MAX_DAYS) throw new Error(`${from}..${to} spans more than ${MAX_DAYS} days: ask for a shorter period.`);
  }
  return days;
}

/** The records stored for the days from `from` to `to` in `scope` (days without data are left out). */
export async function readDays(store: StateStore, from: Day, to: Day, scope: RecordScope = {}): Promise<DailyRecord[]> {
  const days = listDays(from, to);
  const found = await store.read(days.map((day) => toDayKey(day, scope)));
  return days.map((day) => found[toDayKey(day, scope)]).filter(isRecord).map((r) => ({ kind: r.kind, version: r.version, day: r.day, counts: r.counts }));
}
