/** eTag rules shared by every StateStore backend, so they all behave like botbuilder's MemoryStorage. */
import { randomUUID } from 'node:crypto';
import type { StoreItem, StoreItems } from './types';

export { StorageConflictError } from './errors';

/** Throws a clear error when `keys` / `changes` is missing (botbuilder's contract). */
export function assertArgument(value: unknown, what: string, backend: string): void {
  if (value === undefined || value === null) {
    throw new ReferenceError(`${backend}: ${what} are required (got ${String(value)}).`);
  }
}

/**
 * True when `incoming` may replace the stored item: no stored item, no eTag,
 * `*`, or the same eTag as stored.
 */
export function canWrite(storedEtag: string | undefined, incoming: StoreItem): boolean {
  const etag: unknown = incoming?.eTag;
  return storedEtag === undefined || etag === undefined || etag === null || etag === '' || etag === '*' || etag === storedEtag;
}

/** This process's eTag prefix: random, so instances sharing a store never make the same eTag. */
const ETAG_PREFIX = randomUUID();
let etagCount = 0;

/** A fresh eTag for a written item: this process's random prefix and a counter (unique, and cheaper than a UUID per write). */
export function createEtag(): string {
  etagCount += 1;
  return `${ETAG_PREFIX}-${etagCount.toString(36)}`;
}

/** JSON of an item without its eTag (the eTag is stored beside it). */
export function serialiseItem(item: StoreItem): string {
  const { eTag: _ignored, ...rest } = (item ?? {}) as StoreItem;
  return JSON.stringify(rest);
}

/**
 * Field set on an item whose stored bytes are not a JSON object (a corrupted row or value):
 * the read still succeeds, and the reader's shape check (src/channel/stored-state.ts) rejects it.
 */
export const UNREADABLE_ITEM = '$unreadable';

/** Item read back from storage, with its eTag; `{ [UNREADABLE_ITEM]: true, eTag }` when the JSON is broken. */
export function deserialiseItem(json: string, eTag: string): StoreItem {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { [UNREADABLE_ITEM]: true, eTag };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { [UNREADABLE_ITEM]: true, eTag };
  return { ...(value as Record<string, unknown>), eTag };
}

/** Keeps only the defined entries of a write batch. */
export function listChanges(changes: StoreItems): [string, StoreItem][] {
  return Object.entries(changes).filter(([, item]) => item !== undefined);
}
