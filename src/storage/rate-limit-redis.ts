/**
 * Per-conversation rate limit shared by several instances through Redis: one INCR per
 * message on a hashed per-conversation key that expires with the window. If Redis does not
 * answer, the message is allowed (the turn itself then reports the outage).
 */
import { closeRedisConnection, runScript, type RedisConnection } from './redis-connection';
import { conversationRedisKeys } from './redis-keys';
import { decideRate, resolveRateLimit, type RateDecision, type RateLimiter, type RateLimitOptions } from './rate-limit';

const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
`;

/** Fixed-window limiter whose counters live in Redis. */
export class RedisRateLimiter implements RateLimiter {
  private readonly settings: Required<RateLimitOptions>;

  constructor(
    private readonly client: RedisConnection,
    options: RateLimitOptions = {},
    private readonly prefix = 'tf:',
    private readonly ownsConnection = false,
  ) {
    this.settings = resolveRateLimit(options);
  }

  /** Counts one message of `conversationKey` across all instances. */
  async hit(conversationKey: string): Promise<RateDecision> {
    try {
      const key = conversationRedisKeys(this.prefix, conversationKey).rate;
      const count = Number(await runScript(this.client, HIT_SCRIPT, [key], [String(this.settings.windowMs)], 'rate limit'));
      return decideRate(count, this.settings.limit);
    } catch {
      return 'allow';
    }
  }

  /** Closes the connection if this limiter opened it. Idempotent. */
  async close(): Promise<void> {
    if (this.ownsConnection) await closeRedisConnection(this.client);
  }
}
