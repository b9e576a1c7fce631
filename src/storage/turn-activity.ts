/**
 * The activity a turn is processing, for backends that record processed activities in the
 * same transaction as the turn's state write (SQLite): a redelivery after a crash or restart
 * then finds the activity already processed exactly when its state change was committed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What the state write of a turn commits with it. */
export interface TurnActivity {
  /** Deduplication key of the activity (hashed; see src/channel/state-keys.ts). */
  key: string;
  /** State key of its conversation, so deleting the conversation deletes this record too. */
  conversation: string;
  /** How long the key is remembered, in ms. */
  ttlMs: number;
}

const current = new AsyncLocalStorage<TurnActivity>();

/** Runs `fn` with `activity` as the activity whose processing state writes commit. */
export function runWithActivity<T>(activity: TurnActivity, fn: () => Promise<T>): Promise<T> {
  return current.run(activity, fn);
}

/** The activity of the turn being run, if any. */
export function readCurrentActivity(): TurnActivity | undefined {
  return current.getStore();
}
