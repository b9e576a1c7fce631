/**
 * Lock-out of password guessing: after {@link MAX_FAILURES} failed sign-ins for one name within
 * {@link FAILURE_WINDOW_MS}, that name is refused (429) until the oldest failure leaves the window.
 * Failures live in the StateStore (`staff/failures/<hash of name>`), shared by every instance.
 */
import type { StateStore } from '../storage/types';
import { updateItem } from '../storage/update-item';
import { sha256Hex } from './constant-time';

/** Failed attempts allowed per name within the window. */
export const MAX_FAILURES = 5;
/** The window: 15 minutes. */
export const FAILURE_WINDOW_MS = 15 * 60_000;

function failuresKey(name: string): string {
  return `staff/failures/${sha256Hex(name)}`;
}

/** Failure counting over one store and clock. */
export interface LoginThrottle {
  /** True when `name` already had MAX_FAILURES failures within the window. */
  isLocked(name: string): Promise<boolean>;
  /** Records one failure of `name`. */
  recordFailure(name: string): Promise<void>;
  /** Forgets the failures of `name` (after a successful sign-in). */
  clear(name: string): Promise<void>;
}

/** Creates the throttle; `now` is for tests. */
export function createLoginThrottle(store: StateStore, now: () => number = Date.now): LoginThrottle {
  const recent = (times: unknown): number[] => {
    const since = now() - FAILURE_WINDOW_MS;
    return Array.isArray(times) ? times.filter((t): t is number => typeof t === 'number' && t > since) : [];
  };
  return {
    async isLocked(name) {
      const key = failuresKey(name);
      const found = (await store.read([key]))[key] as { at?: unknown } | undefined;
      return recent(found?.at).length >= MAX_FAILURES;
    },
    async recordFailure(name) {
      await updateItem<{ at: number[] }>(store, failuresKey(name), { at: [] }, (item) => ({ at: [...recent(item.at), now()].slice(-MAX_FAILURES * 2) }));
    },
    async clear(name) {
      await store.delete([failuresKey(name)]);
    },
  };
}
