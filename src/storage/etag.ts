/** eTag rules shared by every StateStore backend, so they all behave like botbuilder's MemoryStorage. */
import { randomUUID } from 'node:crypto';
import type { StoreItem, StoreItems } from './types';

/** A write whose eTag no longer matches the stored item (someone else wrote first). */
export class EtagConflictError extends Error {
  override name = 'EtagConflictError';
  constructor(backend: string) {
    super(`${backend}: eTag conflict on write: the item changed since it was read. Read it again, then retry the write.`);
  }
}

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

/** A fresh eTag for a written item. */
export function createEtag(): string {
  return randomUUID();
}

/** JSON of an item without its eTag (the eTag is stored beside it). */
export function serialiseItem(item: StoreItem): string {
  const { eTag: _ignored, ...rest } = (item ?? {}) as StoreItem;
  return JSON.stringify(rest);
}

/** Item read back from storage, with its eTag. */
export function deserialiseItem(json: string, eTag: string): StoreItem {
  return { ...(JSON.parse(json) as Record<string, unknown>), eTag };
}

/** Keeps only the defined entries of a write batch. */
export function listChanges(changes: StoreItems): [string, StoreItem][] {
  return Object.entries(changes).filter(([, item]) => item !== undefined);
}
