/**
 * Retention of stored state. Everything held about a person (conversation position, chosen
 * language, answers) expires STATE_TTL_DAYS after its last write. Anonymous daily aggregates
 * (`analytics/…`, no ids, no text) are kept, so campaign statistics outlive the retention;
 * so are staff accounts (`staff/account…`), which are not about users.
 */

/** Default retention of personal state, in days. */
export const DEFAULT_STATE_TTL_DAYS = 30;

/** Default retention of personal state, in milliseconds. */
export const DEFAULT_STATE_TTL_MS = DEFAULT_STATE_TTL_DAYS * 86_400_000;

const KEPT_PREFIXES = ['analytics/', 'staff/account', 'system/'];

/** True when `key` holds personal state that must expire; false for anonymous aggregates. */
export function isExpiringKey(key: string): boolean {
  return !KEPT_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** SQL `LIKE` patterns of the keys that never expire, for backends that filter in SQL. */
export const KEPT_KEY_PATTERNS = KEPT_PREFIXES.map((prefix) => `${prefix}%`);
