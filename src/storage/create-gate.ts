/** Picks the TurnGate matching STORAGE_URL: shared through Redis, in-process otherwise. */
import { isRedisUrl } from './create-store';
import { createMemoryTurnGate } from './memory-turn-gate';
import { createRedisTurnGate } from './redis-gate';
import type { TurnGate } from './types';

/**
 * Creates the gate for `storageUrl`: with several instances behind a load balancer
 * (`redis://`) turns are serialised across instances; with SQLite or memory, in-process.
 */
export function createTurnGate(storageUrl: string, env: NodeJS.ProcessEnv = process.env): TurnGate {
  return isRedisUrl(storageUrl) ? createRedisTurnGate(storageUrl, env) : createMemoryTurnGate();
}
