/**
 * Fencing context shared by the Redis turn gate and the Redis state store.
 *
 * When the gate acquires a conversation's lock it increments that conversation's fencing
 * counter and runs the turn inside this context. Every state write made during the turn
 * checks, atomically with the eTag compare-and-set, that the counter still holds the turn's
 * token: a holder whose lock expired (paused process, network split) and was taken over by
 * another instance can no longer write.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { StorageUnavailableError } from './errors';

/** The fence a turn holds: the Redis counter key and the value it must still have. */
export interface Fence {
  key: string;
  token: string;
  /**
   * The turn's activity claim: the state write marks it `done` in the same atomic script,
   * so a redelivery after a crash never applies the same message twice.
   */
  claim?: { hash: string; expiry: string; field: string; ttlMs: number };
}

const fenceStorage = new AsyncLocalStorage<Fence>();

/** Runs `fn` with `fence` as the current fence for Redis state writes made inside it. */
export function runWithFence<T>(fence: Fence, fn: () => Promise<T>): Promise<T> {
  return fenceStorage.run(fence, fn);
}

/** The fence of the turn being run, if the caller runs inside the Redis turn gate. */
export function readCurrentFence(): Fence | undefined {
  return fenceStorage.getStore();
}

/** Raised when a write comes from a turn whose lock was taken over by another turn. */
export class FencedWriteError extends StorageUnavailableError {
  override name = 'FencedWriteError';
  constructor() {
    super({
      backend: 'Redis storage',
      where: 'state write',
      problem: 'refused: this turn lost its conversation lock (its TTL expired) and a newer turn holds it',
      fix: 'the user sends the message again; if it happens often, raise REDIS_LOCK_TTL_MS',
    });
  }
}
