/**
 * Storage contracts. `StateStore` is botbuilder's `Storage` (read / write with eTags /
 * delete) plus health and lifecycle; every backend (memory, SQLite, Redis) implements it
 * and passes test/storage/storage-contract.ts.
 */
import type { Storage } from 'botbuilder-core';

/** A botbuilder Storage with a health check and a close. */
export interface StateStore extends Storage {
  /** Resolves when the backend answers; rejects (fast, bounded) when it does not. Used by /readyz. */
  ping(): Promise<void>;
  /** Releases connections and file handles. Idempotent. */
  close(): Promise<void>;
  /**
   * True when a state write committed `activityKey` as processed (see turn-activity.ts).
   * Backends that keep no such record leave it out; the gate then remembers in memory only.
   */
  isProcessed?(activityKey: string): Promise<boolean>;
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
  run<T>(conversationKey: string, activityKey: string | undefined, fn: () => Promise<T>): Promise<GateResult<T>>;
  close(): Promise<void>;
}
