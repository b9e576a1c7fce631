/**
 * Names of the Redis keys kept about one conversation, shared by the turn gate, the state
 * store (which deletes them all with the conversation) and the rate limiter. Ids never appear
 * in key names: the conversation key is hashed, and the `{…}` hash tag keeps every key of a
 * conversation in one Redis Cluster slot so one script may touch them all.
 */
import { hashKey } from './redis-connection';

/** Every Redis key of one conversation outside its state item. */
export interface ConversationRedisKeys {
  /** Holder of the turn lock (member string, PX TTL). */
  lock: string;
  /** Waiting members scored by ticket. */
  queue: string;
  /** Ticket counter. */
  ticket: string;
  /** Fencing counter, incremented on each lock acquisition. */
  fence: string;
  /** Leases of waiting or running members (member -> alive until, Redis ms). */
  leases: string;
  /** Activity claims (activity hash -> `pending:<member>` or `done`). */
  claims: string;
  /** Expiry of each claim (activity hash -> Redis ms). */
  claimExpiry: string;
  /** Rate-limit counter of the conversation. */
  rate: string;
}

/** The keys of `conversationKey` (an application key such as `conv/<hash>`) under `prefix`. */
export function conversationRedisKeys(prefix: string, conversationKey: string): ConversationRedisKeys {
  const id = hashKey('', '', conversationKey).slice(1);
  const tag = `{${id}}`;
  return {
    lock: `${prefix}lock:${tag}`,
    queue: `${prefix}q:${tag}`,
    ticket: `${prefix}t:${tag}`,
    fence: `${prefix}f:${tag}`,
    leases: `${prefix}m:${tag}`,
    claims: `${prefix}c:${tag}`,
    claimExpiry: `${prefix}cx:${tag}`,
    rate: `${prefix}rl:${tag}`,
  };
}

/** All keys of {@link conversationRedisKeys} as a list (for deletion). */
export function listConversationRedisKeys(prefix: string, conversationKey: string): string[] {
  return Object.values(conversationRedisKeys(prefix, conversationKey));
}

/** Field of an activity in the conversation's claim hash. */
export function activityField(conversationKey: string, activityKey: string): string {
  return hashKey('', '', `${conversationKey}\u0000${activityKey}`).slice(1);
}
