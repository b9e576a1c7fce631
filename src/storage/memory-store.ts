/** In-memory StateStore (`STORAGE_URL=memory:`): for tests and throwaway runs; lost on restart. */
import type { StoreItems } from './types';
import type { StateStore } from './types';
import {
  StorageConflictError, assertArgument, canWrite, createEtag, deserialiseItem, listChanges, serialiseItem,
} from './etag';

const BACKEND = 'memory storage';

/** Creates an empty in-memory store with botbuilder Storage semantics (eTags, idempotent delete). */
export function createMemoryStore(): StateStore {
  const items = new Map<string, { json: string; eTag: string }>();
  return {
    async read(keys: string[]): Promise<StoreItems> {
      assertArgument(keys, 'keys', BACKEND);
      const found: StoreItems = Object.create(null) as StoreItems;
      for (const key of keys) {
        const row = items.get(key);
        if (row) found[key] = deserialiseItem(row.json, row.eTag);
      }
      return found;
    },
    async write(changes: StoreItems): Promise<void> {
      assertArgument(changes, 'changes', BACKEND);
      const list = listChanges(changes);
      for (const [key, item] of list) {
        if (!canWrite(items.get(key)?.eTag, item)) throw new StorageConflictError(BACKEND);
      }
      for (const [key, item] of list) items.set(key, { json: serialiseItem(item), eTag: createEtag() });
    },
    async delete(keys: string[]): Promise<void> {
      assertArgument(keys, 'keys', BACKEND);
      for (const key of keys) items.delete(key);
    },
    async ping(): Promise<void> {},
    async close(): Promise<void> {},
  };
}
