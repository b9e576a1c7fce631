/**
 * Per-conversation rate limit. A conversation may send `limit` messages per `windowMs`;
 * the first message over the limit gets one polite notice (`notify`), the next ones in the
 * same window are dropped silently (`drop`) before any NLU, storage or lock work, so a
 * flooding conversation costs little and other users' latency is unaffected.
 * This module holds the contract and the in-process implementation (one instance);
 * rate-limit-redis.ts shares the counters between instances.
 */

/** What to do with one incoming message. */
export type RateDecision = 'allow' | 'notify' | 'drop';

/** Limits the messages of a conversation. */
export interface RateLimiter {
  /** Counts one message of `conversationKey` and says whether to process it. */
  hit(conversationKey: string): Promise<RateDecision>;
  close(): Promise<void>;
}

/** Settings of a rate limiter. */
export interface RateLimitOptions {
  /** Messages allowed per window (default 20). */
  limit?: number;
  /** Window length in ms (default 60000). */
  windowMs?: number;
}

/** Resolves defaults and validates `options`; throws naming the bad setting. */
export function resolveRateLimit(options: RateLimitOptions = {}): Required<RateLimitOptions> {
  const limit = options.limit ?? 20;
  const windowMs = options.windowMs ?? 60_000;
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`Rate limit: limit must be a positive integer, got ${limit}; check RATE_LIMIT_MESSAGES`);
  if (!Number.isInteger(windowMs) || windowMs < 1) throw new Error(`Rate limit: windowMs must be a positive integer, got ${windowMs}; check RATE_LIMIT_WINDOW_MS`);
  return { limit, windowMs };
}

/** Maps the number of messages counted in the current window to a decision. */
export function decideRate(count: number, limit: number): RateDecision {
  if (count <= limit) return 'allow';
  return count === limit + 1 ? 'notify' : 'drop';
}

/** In-process fixed-window limiter for a single instance. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly settings: Required<RateLimitOptions>;

  constructor(options: RateLimitOptions = {}, private readonly now: () => number = Date.now) {
    this.settings = resolveRateLimit(options);
  }

  /** Counts one message; forgets windows that ended so memory stays bounded by active conversations. */
  async hit(conversationKey: string): Promise<RateDecision> {
    const now = this.now();
    let window = this.windows.get(conversationKey);
    if (!window || now - window.start >= this.settings.windowMs) {
      if (this.windows.size > 10_000) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(conversationKey, window);
    }
    window.count += 1;
    return decideRate(window.count, this.settings.limit);
  }

  /** Drops all counters. */
  async close(): Promise<void> {
    this.windows.clear();
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.settings.windowMs) this.windows.delete(key);
    }
  }
}
