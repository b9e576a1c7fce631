/**
 * Storage contracts. `StateStore` is the bot's own: read / write with eTags / delete (the
 * shape botbuilder's and the Microsoft 365 Agents SDK's `Storage` share, so an SDK adapter
 * can use it as is) plus health and lifecycle. Every backend (memory, SQLite, Redis)
 * implements it and passes test/storage/storage-contract.ts.
 */

import type { TurnActivity } from './turn-activity';

/** One stored value: a JSON object; `eTag` is set by the store on read and checked on write. */
export interface StoreItem {
  // `any`, as in the SDKs' own StoreItem: any object type (interfaces included) can be stored.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
  /** `*` or absent: overwrite whatever is stored; any other value: write only if unchanged since read. */
  eTag?: string;
}

/** Items by key, as read or to be written. */
export interface StoreItems {
  [key: string]: StoreItem;
}

/** Key-value state with optimistic concurrency, a health check and a close. */
export interface StateStore {
  /** Reads the items of `keys`; missing keys are absent from the result. */
  read(keys: string[]): Promise<StoreItems>;
  /**
   * Writes all `changes` (all or none). Rejects with EtagConflictError when an item's eTag
   * no longer matches the stored one. `turn`: the activity whose processing this write completes
   * (a turn's state write); backends that record processed activities (SQLite) commit it with the write.
   */
  write(changes: StoreItems, turn?: TurnActivity): Promise<void>;
  /** Deletes the items of `keys`; missing keys are ignored. */
  delete(keys: string[]): Promise<void>;
  /** Resolves when the backend answers; rejects (fast, bounded) when it does not. Used by /readyz. */
  ping(): Promise<void>;
  /** Releases connections and file handles. Idempotent. */
  close(): Promise<void>;
  /**
   * True when a state write committed `activityKey` of `conversationKey` as processed (see
   * turn-activity.ts). Backends that keep no such record leave it out; the gate then remembers in memory only.
   */
  isProcessed?(activityKey: string, conversationKey: string): Promise<boolean>;
}

/** Outcome of running a turn through the gate. */
export type GateResult<T> = { status: 'done'; value: T } | { status: 'duplicate' };

/**
 * Serialises the turns of one conversation and drops redelivered activities.
 * In-process for one instance; Redis-backed (lock with TTL + fencing) for several.
 */
export interface TurnGate {
  /**
   * Runs `fn` when no other turn of `conversationKey` is running (on this instance or,
   * for shared gates, any other), in arrival order. Returns `duplicate` without running
   * `fn` when `activityKey` was already processed or is being processed.
   */
  run<T>(conversationKey: string, activityKey: string | undefined, fn: (turn?: TurnActivity) => Promise<T>): Promise<GateResult<T>>;
  close(): Promise<void>;
}
