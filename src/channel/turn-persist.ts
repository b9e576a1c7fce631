/**
 * Stage 4 of a turn (load → compute → render → persist): writes the conversation and user
 * items in one batch, guarded by the eTags the load stage read (a StorageConflictError sends
 * the turn back to the load stage), or deletes the user's data when they asked.
 */
import type { ConversationState } from '../engine/types';
import type { Assignments } from '../experiments/types';
import type { Lang } from '../kernel/lang';
import type { TurnActivity } from '../storage/turn-activity';
import type { StateStore, StoreItem } from '../storage/types';
import type { StateKeys } from './state-keys';
import type { LoadedTurn } from './turn-load';
import { keysToDelete, needsListing, withConversation } from './user-conversations';

/** The user's language after the turn, and whether it is only assumed (no message yet). */
export interface UserLang {
  lang: Lang;
  assumed: boolean;
}

/**
 * Writes the conversation state (and the user item when `userLang` is given or the
 * conversation is not listed yet), replacing exactly what `loaded` read; `turn`, the activity
 * being processed, is committed as processed with the write (see turn-activity.ts).
 * @throws StorageConflictError when another turn wrote either item since it was read.
 */
export async function saveTurn(
  store: StateStore,
  keys: StateKeys,
  loaded: LoadedTurn,
  state: ConversationState | undefined,
  userLang: UserLang | undefined,
  assignments: Assignments,
  turn?: TurnActivity,
): Promise<void> {
  const changes: Record<string, StoreItem> = {};
  const ab = Object.keys(assignments).length > 0 ? { ab: assignments } : {};
  const { conversation: convETag, user: userETag } = loaded.eTags;
  if (state) changes[keys.conversation] = { engine: state, ...ab, ...(convETag ? { eTag: convETag } : {}) };
  const userItem = loaded.userItem;
  if (userLang || needsListing(userItem, keys.conversation)) {
    const { eTag: _read, ...kept } = userItem ?? {};
    const item: StoreItem = { ...kept, conversations: withConversation(userItem, keys.conversation), ...(userETag ? { eTag: userETag } : {}) };
    if (userLang) {
      item.lang = userLang.lang;
      if (userLang.assumed) item.langAssumed = true;
      else delete item.langAssumed;
    }
    changes[keys.user] = item;
  }
  if (Object.keys(changes).length > 0) await store.write(changes, turn);
}

/** "Delete my data": every conversation listed for the user, this one, and the user item. Returns the keys deleted. */
export async function deleteUserData(store: StateStore, keys: StateKeys, loaded: LoadedTurn): Promise<string[]> {
  const deleted = keysToDelete(loaded.userItem, keys.conversation, keys.user);
  await store.delete(deleted);
  return deleted;
}

/**
 * After a failed turn: the dialog position resets (whatever is stored); the user's language is kept.
 * `turn` is committed as processed with the reset, so a redelivery does not fail the same way again.
 */
export async function resetConversation(store: StateStore, keys: StateKeys, contentVersion: string, turn?: TurnActivity): Promise<void> {
  const idle: ConversationState = { contentVersion, stack: [] };
  await store.write({ [keys.conversation]: { engine: idle, eTag: '*' } }, turn);
}
