/** Picks the StateStore backend from STORAGE_URL. */
import { resolve } from 'node:path';
import type { StateStore } from './types';
import { createMemoryStore } from './memory-store';
import { createSqliteStore } from './sqlite-store';

/** Schemes understood by {@link createStore}. */
export const STORAGE_SCHEMES = ['sqlite:', 'memory:'] as const;

/**
 * Creates the store named by `url`:
 * - `sqlite:<path>` (relative paths resolve from `baseDir`), `sqlite::memory:`
 * - `memory:`
 * - `redis://` / `rediss://`: served by the Redis backend (src/storage/redis-*), plugged in here.
 * @throws naming STORAGE_URL and the known schemes for anything else.
 */
export async function createStore(url: string, baseDir = process.cwd()): Promise<StateStore> {
  if (url === 'memory:' || url === 'memory://') return createMemoryStore();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw new Error(`STORAGE_URL '${url}' names no file. Use e.g. sqlite:./data/thinkfirst.db.`);
    return createSqliteStore(path === ':memory:' ? path : resolve(baseDir, path));
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    // The Redis backend lives in src/storage/redis-store.ts (its own issue); loaded lazily so
    // sqlite/memory deployments never need a Redis client.
    const modulePath = './redis-store';
    const mod = (await import(/* @vite-ignore */ modulePath).catch(() => null)) as
      | { createRedisStore?: (url: string) => Promise<StateStore> }
      | null;
    if (!mod?.createRedisStore) {
      throw new Error(`STORAGE_URL uses redis:// but src/storage/redis-store.ts (createRedisStore) is not available in this build.`);
    }
    return mod.createRedisStore(url);
  }
  const scheme = url.split(':')[0] ?? url;
  throw new Error(`STORAGE_URL has unknown scheme '${scheme}:' (known: ${STORAGE_SCHEMES.join(', ')}, redis://). See .env.example.`);
}
