/**
 * Opens the storage of a deployment from its configuration: the state store, the turn gate
 * and the rate limiter. With `redis://`, all three share ONE Redis connection (the store owns
 * it and closes it last); otherwise SQLite or memory, with the in-process gate and limiter.
 * The Redis client library (a few hundred ms to load) is imported only for a Redis URL.
 */
import type { Config } from '../config';
import { createTurnGate } from './create-gate';
import { createStore, isRedisUrl } from './create-store';
import type { RateLimiter } from './rate-limit';
import { createRateLimiter } from './rate-limit-create';
import type { RedisConnection } from './redis-connection';
import type { StateStore, TurnGate } from './types';

/** What the bot keeps its state in. */
export interface OpenedStorage {
  store: StateStore;
  gate: TurnGate;
  rateLimiter: RateLimiter;
  /** Redis only: host:port the connection goes to (never credentials), for log lines. */
  redisHost?: string;
}

/** The host and port of a Redis URL, without user or password. */
export function describeRedisHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'an unparsable STORAGE_URL';
  }
}

/**
 * Opens store, gate and rate limiter for `config` (STORAGE_URL and the retention, redis and
 * rateLimit sections). Returns at once even when Redis is down (commands then fail fast).
 * @param onRedisError called with the error name whenever the Redis connection fails.
 */
export async function openStorage(
  config: Pick<Config, 'storage' | 'retention' | 'redis' | 'rateLimit'>,
  baseDir: string,
  onRedisError?: (errorName: string) => void,
): Promise<OpenedStorage> {
  const url = config.storage.url;
  const redis = { ...config.redis, stateTtlMs: config.retention.stateTtlMs };
  const limits = { limit: config.rateLimit.messages, windowMs: config.rateLimit.windowMs };
  let client: RedisConnection | undefined;
  if (isRedisUrl(url)) {
    const { openRedisConnection } = await import('./redis-connection');
    client = openRedisConnection({ url, commandTimeoutMs: redis.commandTimeoutMs, ...(onRedisError ? { onError: onRedisError } : {}) });
  }
  const store = await createStore(url, { ...redis, baseDir, ...(client ? { redisClient: client } : {}) });
  const gate = await createTurnGate(url, redis, client, store);
  const rateLimiter = await createRateLimiter(url, limits, redis, client);
  return { store, gate, rateLimiter, ...(client ? { redisHost: describeRedisHost(url) } : {}) };
}
