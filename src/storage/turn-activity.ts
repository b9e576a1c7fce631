/**
 * The activity a turn is processing, for backends that record processed activities in the
 * same transaction as the turn's state write (SQLite): a redelivery after a crash or restart
 * then finds the activity already processed exactly when its state change was committed.
 * The gate hands it to the turn, and the turn to its state writes (an argument, not an
 * AsyncLocalStorage: on Node 20 that enables a promise hook for every promise of the process).
 */

/** What the state write of a turn commits with it. */
export interface TurnActivity {
  /** Deduplication key of the activity (hashed; see src/channel/state-keys.ts). */
  key: string;
  /** State key of its conversation, so deleting the conversation deletes this record too. */
  conversation: string;
  /** How long the key is remembered, in ms. */
  ttlMs: number;
}
