/** Picks the StateStore backend from STORAGE_URL. */
import { resolve } from 'node:path';
import type { StateStore } from './types';
import { createMemoryStore } from './memory-store';
import { createSqliteStore } from './sqlite-store';
import { createRedisStore } from './redis-store';

/** True for `redis://` and `rediss://` URLs (shared state, gate and rate limit). */
export function isRedisUrl(url: string): boolean {
  return url.startsWith('redis://') || url.startsWith('rediss://');
}

/** Schemes understood by {@link createStore}. */
export const STORAGE_SCHEMES = ['sqlite:', 'memory:', 'redis://', 'rediss://'] as const;

/**
 * Creates the store named by `url`:
 * - `sqlite:<path>` (relative paths resolve from `baseDir`), `sqlite::memory:`
 * - `memory:`
 * - `redis://` / `rediss://`: the Redis backend (src/storage/redis-store.ts), for several instances.
 * @throws naming STORAGE_URL and the known schemes for anything else.
 */
export async function createStore(url: string, baseDir = process.cwd()): Promise<StateStore> {
  if (url === 'memory:' || url === 'memory://') return createMemoryStore();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw new Error(`STORAGE_URL '${url}' names no file. Use e.g. sqlite:./data/thinkfirst.db.`);
    return createSqliteStore(path === ':memory:' ? path : resolve(baseDir, path));
  }
  if (isRedisUrl(url)) return createRedisStore(url);
  const scheme = url.split(':')[0] ?? url;
  throw new Error(`STORAGE_URL has unknown scheme '${scheme}:' (known: ${STORAGE_SCHEMES.join(', ')}). See .env.example.`);
}
