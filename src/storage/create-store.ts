/** Picks the StateStore backend from STORAGE_URL (the Redis client library is loaded only for a Redis URL). */
import { resolve } from 'node:path';
import type { StateStore } from './types';
import { createMemoryStore } from './memory-store';
import { createSqliteStore } from './sqlite-store';
import type { RedisSettings } from './redis-store';
import type { RedisConnection } from './redis-connection';

/** True for `redis://` and `rediss://` URLs (shared state, gate and rate limit). */
export function isRedisUrl(url: string): boolean {
  return url.startsWith('redis://') || url.startsWith('rediss://');
}

/** Schemes understood by {@link createStore}. */
export const STORAGE_SCHEMES = ['sqlite:', 'memory:', 'redis://', 'rediss://'] as const;

/** Options of {@link createStore}. */
export interface StoreOptions extends RedisSettings {
  /** Folder relative SQLite paths resolve from (default: the current directory). */
  baseDir?: string;
  /** Redis only: the connection to use (shared with gate and rate limiter); the store closes it. */
  redisClient?: RedisConnection;
}

/**
 * Creates the store named by `url`:
 * - `sqlite:<path>` (relative paths resolve from `baseDir`), `sqlite::memory:`
 * - `memory:`
 * - `redis://` / `rediss://`: the Redis backend (src/storage/redis-store.ts), for several instances.
 * @throws naming STORAGE_URL and the known schemes for anything else.
 */
export async function createStore(url: string, options: StoreOptions = {}): Promise<StateStore> {
  if (url === 'memory:' || url === 'memory://') return createMemoryStore();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw new Error(`STORAGE_URL '${url}' names no file. Use e.g. sqlite:./data/thinkfirst.db.`);
    const ttl = options.stateTtlMs === undefined ? {} : { ttlMs: options.stateTtlMs };
    return createSqliteStore(path === ':memory:' ? path : resolve(options.baseDir ?? process.cwd(), path), ttl);
  }
  if (isRedisUrl(url)) {
    const { createRedisStore } = await import('./redis-store');
    return createRedisStore(url, options, options.redisClient);
  }
  const scheme = url.split(':')[0] ?? url;
  throw new Error(`STORAGE_URL has unknown scheme '${scheme}:' (known: ${STORAGE_SCHEMES.join(', ')}). See .env.example.`);
}
