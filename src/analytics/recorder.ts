/**
 * Collects the events of every turn as counters in memory and adds them to the day's
 * records in the StateStore every few seconds and at shutdown: one for every language and
 * one for the turn's language (the dashboard's language filter), kept apart for test
 * conversations. Recording never waits on storage and never throws into a turn.
 */
import type { Content, EngineEvent } from '../engine/types';
import type { StateStore } from '../storage/types';
import type { ExperimentEvent } from '../experiments/types';
import { LANGS } from '../kernel/lang';
import { countEvents, countTurn, mergeCounts, type CountOptions } from './count-events';
import { findStatsSteps, type StatsSteps } from './stats-steps';
import { addToDay, ensureDay, nextDay, toDay } from './day-store';
import type { Counts, Day, RecordScope } from './types';

/** What the turn pipeline tells the recorder besides the events. */
export interface RecordMeta {
  /** A conversation from a test tool: counted apart, left out of statistics by default. */
  test?: boolean;
  /** A/B exposures and outcomes. */
  experiments?: ExperimentEvent[];
}

/** Options of {@link createAnalyticsRecorder}. */
export interface RecorderOptions {
  store: StateStore;
  /** Current content (it may be reloaded): its `stats:` tell which steps report a risk level or a quiz band. */
  getContent?: () => Content | null;
  /** Milliseconds between flushes (default 5000). 0 disables the timer (flush by hand). */
  flushIntervalMs?: number;
  /** Clock, for tests. */
  now?: () => Date;
  /** Told about a failed flush (the counts stay queued); log `err.name` only. */
  onError?: (err: Error) => void;
  /** Compare-and-set attempts per flush and day (default 10). */
  maxAttempts?: number;
}

/** The analytics side of the turn pipeline. */
export interface AnalyticsRecorder {
  /** Counts the events of one turn in the user's language. Synchronous, never throws. */
  record(events: EngineEvent[], lang: string, meta?: RecordMeta): void;
  /** Writes what is queued. Resolves when written (or queued again after a failure). */
  flush(): Promise<void>;
  /** Stops the timer and flushes. */
  close(): Promise<void>;
  /** Number of counter increments waiting to be written. */
  pendingCount(): number;
}

/** The record language of a turn: vi, fr, en, or `other`. */
function languageOf(lang: string): string {
  return (LANGS as readonly string[]).includes(lang) ? lang : 'other';
}

/** Creates a recorder writing to `options.store`. */
export function createAnalyticsRecorder(options: RecorderOptions): AnalyticsRecorder {
  const { store, now = () => new Date(), onError = () => {} } = options;
  /** `<day>|<test>|<lang>` -> counts waiting. */
  const pending = new Map<string, Counts>();
  const prepared = new Set<Day>();
  let running: Promise<void> = Promise.resolve();
  let stats: { version: string; steps: StatsSteps } | undefined;

  function countOptions(): CountOptions {
    const content = options.getContent?.();
    if (content && stats?.version !== content.version) stats = { version: content.version, steps: findStatsSteps(content) };
    return stats?.steps ?? {};
  }

  const slotOf = (day: Day, scope: RecordScope) => `${day}|${scope.test ? 'test' : ''}|${scope.lang ?? ''}`;
  const parseSlot = (slot: string): [Day, RecordScope] => {
    const [day = '', test, lang] = slot.split('|');
    return [day, { ...(test ? { test: true } : {}), ...(lang ? { lang } : {}) }];
  };

  function countsOf(day: Day, scope: RecordScope = {}): Counts {
    const slot = slotOf(day, scope);
    let counts = pending.get(slot);
    if (!counts) pending.set(slot, (counts = new Map()));
    return counts;
  }

  async function writeDay(slot: string, counts: Counts): Promise<void> {
    const [day, scope] = parseSlot(slot);
    try {
      await addToDay(store, day, counts, { maxAttempts: options.maxAttempts, scope });
    } catch (err) {
      mergeCounts(countsOf(day, scope), counts);
      onError(err instanceof Error ? err : new Error(String(err)));
    }
  }

  async function prepareTomorrow(): Promise<void> {
    const tomorrow = nextDay(toDay(now()));
    if (prepared.has(tomorrow)) return;
    try {
      await ensureDay(store, tomorrow);
      prepared.add(tomorrow);
    } catch (err) {
      onError(err instanceof Error ? err : new Error(String(err)));
    }
  }

  async function flushOnce(): Promise<void> {
    const batch = [...pending.entries()];
    pending.clear();
    for (const [slot, counts] of batch) await writeDay(slot, counts);
    await prepareTomorrow();
  }

  const flush = (): Promise<void> => {
    running = running.then(flushOnce);
    return running;
  };

  const interval = options.flushIntervalMs ?? 5000;
  const timer = interval > 0 ? setInterval(() => void flush(), interval) : undefined;
  timer?.unref();

  /** The UTC day of the last turn and the time span it covers: formatted once per day, not per turn. */
  let today = { day: '', from: 0, to: 0 };
  function dayOf(date: Date): Day {
    const time = date.getTime();
    if (time < today.from || time >= today.to) {
      const day = toDay(date);
      const from = Date.parse(`${day}T00:00:00Z`);
      today = { day, from, to: from + 86_400_000 };
    }
    return today.day;
  }

  return {
    record(events, lang, meta = {}) {
      try {
        const deltas = countTurn(meta.experiments ?? [], countEvents(events, lang, countOptions()));
        const day = dayOf(now());
        const test = meta.test === true;
        mergeCounts(countsOf(day, { test }), deltas);
        mergeCounts(countsOf(day, { test, lang: languageOf(lang) }), deltas);
      } catch (err) {
        onError(err instanceof Error ? err : new Error(String(err)));
      }
    },
    flush,
    async close() {
      if (timer) clearInterval(timer);
      await flush();
    },
    pendingCount() {
      let n = 0;
      for (const counts of pending.values()) for (const v of counts.values()) n += v;
      return n;
    },
  };
}
