/** Picks the TurnGate matching STORAGE_URL: shared through Redis (loaded only then), in-process otherwise. */
import { isRedisUrl } from './create-store';
import { createMemoryTurnGate } from './memory-turn-gate';
import type { RedisConnection } from './redis-connection';
import type { RedisGateSettings } from './redis-gate';
import type { StateStore, TurnGate } from './types';

/**
 * Creates the gate for `storageUrl`: with several instances behind a load balancer
 * (`redis://`) turns are serialised across instances (on `client` when given); with SQLite
 * or memory, in-process, checking `store`'s record of processed activities (kept across
 * restarts by SQLite).
 */
export async function createTurnGate(storageUrl: string, settings: RedisGateSettings = {}, client?: RedisConnection, store?: StateStore): Promise<TurnGate> {
  if (isRedisUrl(storageUrl)) {
    const { createRedisTurnGate } = await import('./redis-gate');
    return createRedisTurnGate(storageUrl, settings, client);
  }
  const isProcessed = store?.isProcessed?.bind(store);
  return createMemoryTurnGate(isProcessed ? { isProcessed } : {});
}
