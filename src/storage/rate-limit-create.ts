/**
 * Builds the per-conversation rate limiter for a deployment: shared through Redis when
 * STORAGE_URL is `redis://…` (the limit holds across instances), in-process otherwise.
 */
import { MemoryRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit';

/**
 * Reads RATE_LIMIT_MESSAGES (default 20) and RATE_LIMIT_WINDOW_MS (default 60000) from `env`.
 * Empty values count as unset; invalid ones are reported by the limiter naming the variable.
 */
export function readRateLimitEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions {
  return {
    ...(env.RATE_LIMIT_MESSAGES ? { limit: Number(env.RATE_LIMIT_MESSAGES) } : {}),
    ...(env.RATE_LIMIT_WINDOW_MS ? { windowMs: Number(env.RATE_LIMIT_WINDOW_MS) } : {}),
  };
}

/** Creates the rate limiter matching `storageUrl`, configured from `env`. */
export async function createRateLimiter(storageUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<RateLimiter> {
  const options = readRateLimitEnv(env);
  if (!storageUrl.startsWith('redis://') && !storageUrl.startsWith('rediss://')) return new MemoryRateLimiter(options);
  const [{ RedisRateLimiter }, { openRedisConnection }, { readRedisEnv }] = await Promise.all([
    import('./rate-limit-redis'),
    import('./redis-connection'),
    import('./redis-store'),
  ]);
  const settings = readRedisEnv(env);
  const client = openRedisConnection({ url: storageUrl, commandTimeoutMs: settings.commandTimeoutMs });
  return new RedisRateLimiter(client, options, settings.prefix, true);
}
