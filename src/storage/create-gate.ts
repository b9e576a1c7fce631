/** Picks the TurnGate matching STORAGE_URL: shared through Redis, in-process otherwise. */
import { isRedisUrl } from './create-store';
import { createMemoryTurnGate } from './memory-turn-gate';
import { createRedisTurnGate } from './redis-gate';
import type { StateStore, TurnGate } from './types';

/**
 * Creates the gate for `storageUrl`: with several instances behind a load balancer
 * (`redis://`) turns are serialised across instances; with SQLite or memory, in-process,
 * checking `store`'s record of processed activities (kept across restarts by SQLite).
 */
export function createTurnGate(storageUrl: string, env: NodeJS.ProcessEnv = process.env, store?: StateStore): TurnGate {
  if (isRedisUrl(storageUrl)) return createRedisTurnGate(storageUrl, env);
  const isProcessed = store?.isProcessed?.bind(store);
  return createMemoryTurnGate(isProcessed ? { isProcessed } : {});
}
