/**
 * Moves state stored under the unkeyed SHA-256 keys of earlier versions to the keyed (HMAC)
 * keys, the first time the user or conversation comes back: read the old key, write the item
 * under the new one, delete the old. Items that never come back expire with the retention.
 */
import type { StateStore } from '../storage/types';
import type { StateKeys } from './state-keys';

/**
 * Migrates the conversation and user items of one turn when the new keys are empty in
 * `current` (what the turn read) and the old ones hold something; `legacy` (computing the old
 * keys) is only called then. Returns true when anything moved.
 */
export async function migrateStateKeys(
  store: StateStore,
  keys: StateKeys,
  legacy: () => Pick<StateKeys, 'conversation' | 'user'>,
  current: Record<string, unknown>,
): Promise<boolean> {
  if (current[keys.conversation] !== undefined && current[keys.user] !== undefined) return false;
  const old = legacy();
  const pairs = [[old.conversation, keys.conversation], [old.user, keys.user]] as const;
  const missing = pairs.filter(([, next]) => current[next] === undefined);
  const stored = await store.read(missing.map(([previous]) => previous));
  const found = missing.filter(([previous]) => stored[previous] !== undefined);
  if (found.length === 0) return false;
  const changes: Record<string, Record<string, unknown>> = {};
  for (const [previous, next] of found) {
    const { eTag: _ignored, ...item } = stored[previous] as Record<string, unknown>;
    changes[next] = item;
  }
  await store.write(changes);
  await store.delete(found.map(([previous]) => previous));
  return true;
}
