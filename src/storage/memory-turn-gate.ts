/**
 * In-process TurnGate: turns of one conversation run one at a time, in arrival order;
 * a redelivered activity (same key) runs once. For one instance; Redis provides the shared gate.
 */
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

/**
 * Creates an in-memory gate.
 * @param dedupeCapacity how many activity keys are remembered for duplicate detection.
 */
export function createMemoryTurnGate(dedupeCapacity = 10_000): TurnGate & { pending(): number } {
  const tails = new Map<string, Promise<unknown>>();
  const seen = new LruSet(dedupeCapacity);
  let running = 0;
  return {
    async run<T>(conversationKey: string, activityKey: string | undefined, fn: () => Promise<T>): Promise<GateResult<T>> {
      if (activityKey !== undefined && !seen.add(activityKey)) return { status: 'duplicate' };
      const previous = tails.get(conversationKey) ?? Promise.resolve();
      running += 1;
      const current = previous.then(fn);
      const tail = current.catch(() => undefined);
      tails.set(conversationKey, tail);
      try {
        return { status: 'done', value: await current };
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
