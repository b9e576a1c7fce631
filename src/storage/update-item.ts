/**
 * Read-modify-write of one StateStore item with eTag compare-and-set and retries, so several
 * instances (or a CLI beside a running bot) never lose each other's changes.
 */
import type { StoreItem } from './types';
import type { StateStore } from './types';
import { isStorageConflict, StorageConflictError } from './errors';

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt + 2));
}

/** Drops the eTag a read added. */
function withoutEtag<T>(item: StoreItem): T {
  const { eTag: _etag, ...rest } = item;
  return rest as T;
}

/**
 * The compare-and-set loop. A missing item is created blind as `initial` first (harmless: an
 * empty value), so the change itself is always written with an eTag; without `initial`, a
 * missing item resolves undefined.
 */
async function changeItem<T extends object>(
  store: StateStore,
  key: string,
  initial: T | undefined,
  change: (current: T) => T | null,
  maxAttempts: number,
): Promise<T | undefined> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const found = (await store.read([key]))[key];
    if (!found) {
      if (initial === undefined) return undefined;
      await store.write({ [key]: { ...initial } });
      continue;
    }
    const current = withoutEtag<T>(found);
    const next = change(current);
    if (next === null) return current;
    try {
      await store.write({ [key]: { ...next, eTag: found.eTag } });
      return next;
    } catch (error) {
      if (!isStorageConflict(error)) throw error;
      await pause(attempt);
    }
  }
  throw new StorageConflictError('storage', `update of '${key}' (${maxAttempts} attempts, other instances writing)`);
}

/**
 * Applies `change` to the item at `key` (or to `initial` when there is none) and writes the
 * result guarded by the eTag read. `change` returns `null` to leave the item as it is.
 * @returns the value now stored.
 * @throws after `maxAttempts` conflicts, naming the key, or when the store fails.
 */
export async function updateItem<T extends object>(
  store: StateStore,
  key: string,
  initial: T,
  change: (current: T) => T | null,
  maxAttempts = 20,
): Promise<T> {
  return (await changeItem(store, key, initial, change, maxAttempts))!;
}

/** Like {@link updateItem} for an item that must exist: resolves undefined when it does not. */
export function updateExistingItem<T extends object>(
  store: StateStore,
  key: string,
  change: (current: T) => T | null,
  maxAttempts = 20,
): Promise<T | undefined> {
  return changeItem(store, key, undefined, change, maxAttempts);
}
