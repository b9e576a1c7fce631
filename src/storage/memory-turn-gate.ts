/**
 * In-process TurnGate: turns of one conversation run one at a time, in arrival order;
 * a redelivered activity (same key) runs once. For one instance; Redis provides the shared gate.
 */
import type { TurnActivity } from './turn-activity';
import type { GateResult, TurnGate } from './types';

/** Remembers the last `capacity` keys (least recently seen dropped first). */
class LruSet {
  private readonly keys = new Map<string, true>();
  constructor(private readonly capacity: number) {}
  /** Adds `key`; false when it was already there. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.set(key, true);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.keys().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    return true;
  }
}

/** Options of {@link createMemoryTurnGate}. */
export interface MemoryGateOptions {
  /** How many activity keys are remembered in memory for duplicate detection (default 10000). */
  dedupeCapacity?: number;
  /**
   * The store's record of processed activities (SQLite): checked before a turn runs, so an
   * activity redelivered after a restart is a duplicate when its state write was committed.
   */
  isProcessed?: (activityKey: string, conversationKey: string) => Promise<boolean>;
  /** How long the store remembers a processed activity (default 24 h). */
  processedTtlMs?: number;
}

/** Value of a turn found already processed by the store. */
const ALREADY_PROCESSED = Symbol('already processed');

/**
 * Creates an in-memory gate.
 */
export function createMemoryTurnGate(options: MemoryGateOptions = {}): TurnGate & { pending(): number } {
  const dedupeCapacity = options.dedupeCapacity ?? 10_000;
  const processedTtlMs = options.processedTtlMs ?? 24 * 3600 * 1000;
  const tails = new Map<string, Promise<unknown>>();
  const seen = new LruSet(dedupeCapacity);
  let running = 0;
  return {
    async run<T>(conversationKey: string, activityKey: string | undefined, fn: (turn?: TurnActivity) => Promise<T>): Promise<GateResult<T>> {
      if (activityKey !== undefined && !seen.add(activityKey)) return { status: 'duplicate' };
      const previous = tails.get(conversationKey) ?? Promise.resolve();
      running += 1;
      const runTurn = async (): Promise<T | typeof ALREADY_PROCESSED> => {
        if (activityKey === undefined) return fn();
        if (await options.isProcessed?.(activityKey, conversationKey)) return ALREADY_PROCESSED;
        return fn({ key: activityKey, conversation: conversationKey, ttlMs: processedTtlMs });
      };
      const current = previous.then(runTurn);
      const tail = current.catch(() => undefined);
      tails.set(conversationKey, tail);
      try {
        const value = await current;
        if (value === ALREADY_PROCESSED) return { status: 'duplicate' };
        return { status: 'done', value };
      } finally {
        running -= 1;
        if (tails.get(conversationKey) === tail) tails.delete(conversationKey);
      }
    },
    pending: () => running,
    /** Holds no connections; waiting for in-flight turns is the server's job (bounded by its grace period). */
    async close(): Promise<void> {},
  };
}
