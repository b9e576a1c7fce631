/** Picks the TurnGate matching STORAGE_URL: shared through Redis, in-process otherwise. */
import { isRedisUrl } from './create-store';
import { createMemoryTurnGate } from './memory-turn-gate';
import type { RedisConnection } from './redis-connection';
import { createRedisTurnGate, type RedisGateSettings } from './redis-gate';
import type { StateStore, TurnGate } from './types';

/**
 * Creates the gate for `storageUrl`: with several instances behind a load balancer
 * (`redis://`) turns are serialised across instances (on `client` when given); with SQLite
 * or memory, in-process, checking `store`'s record of processed activities (kept across
 * restarts by SQLite).
 */
export function createTurnGate(storageUrl: string, settings: RedisGateSettings = {}, client?: RedisConnection, store?: StateStore): TurnGate {
  if (isRedisUrl(storageUrl)) return createRedisTurnGate(storageUrl, settings, client);
  const isProcessed = store?.isProcessed?.bind(store);
  return createMemoryTurnGate(isProcessed ? { isProcessed } : {});
}
