/**
 * Builds the per-conversation rate limiter for a deployment: shared through Redis when
 * STORAGE_URL is `redis://…` (the limit holds across instances), in-process otherwise.
 */
import { MemoryRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit';
import type { RedisConnection } from './redis-connection';
import type { RedisSettings } from './redis-store';

/**
 * Creates the rate limiter matching `storageUrl` (RATE_LIMIT_MESSAGES per RATE_LIMIT_WINDOW_MS).
 * For Redis, counts on `client` when given (shared, closed by its owner), else on its own connection.
 */
export async function createRateLimiter(
  storageUrl: string,
  options: RateLimitOptions = {},
  redis: RedisSettings = {},
  client?: RedisConnection,
): Promise<RateLimiter> {
  if (!storageUrl.startsWith('redis://') && !storageUrl.startsWith('rediss://')) return new MemoryRateLimiter(options);
  const [{ RedisRateLimiter }, { openRedisConnection }] = await Promise.all([import('./rate-limit-redis'), import('./redis-connection')]);
  const connection = client ?? openRedisConnection({ url: storageUrl, ...(redis.commandTimeoutMs ? { commandTimeoutMs: redis.commandTimeoutMs } : {}) });
  return new RedisRateLimiter(connection, options, redis.keyPrefix ?? 'tf:', client === undefined);
}
