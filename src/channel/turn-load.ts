/**
 * Stage 1 of a turn (load → compute → render → persist): reads the conversation and user
 * items (and the hand-off link), moves state stored under older keys, and checks the items'
 * shapes (stored-state.ts). Run again, on fresh state, when the persist stage meets an eTag conflict.
 */
import type { ConversationState } from '../engine/types';
import type { Assignments } from '../experiments/types';
import type { Lang } from '../kernel/lang';
import type { StateStore, StoreItem } from '../storage/types';
import { migrateStateKeys } from './migrate-state-keys';
import type { StateKeys } from './state-keys';
import { checkConversationItem, checkUserItem, type InvalidStoredStateError } from './stored-state';
import { isLang } from './user-language';

/** What a turn knows of the conversation and the user before it computes anything. */
export interface LoadedTurn {
  /** The engine state, undefined for a new conversation (or one whose item was invalid). */
  state: ConversationState | undefined;
  assignments: Assignments | undefined;
  /** The valid user item (language, conversations), undefined when none or invalid. */
  userItem: StoreItem | undefined;
  /** eTags of what was read (valid or not): the writes replace exactly these. */
  eTags: { conversation: string | undefined; user: string | undefined };
  /** The user's stored language. */
  lang: Lang | undefined;
  /** False until the user's first message settled the language (before, it is only assumed). */
  langSettled: boolean;
  /** The hand-off link item, when a link key was read. */
  link: unknown;
  /** Items that did not have the expected shape (they are replaced by this turn's writes). */
  invalid: InvalidStoredStateError[];
}

/**
 * Loads a turn's state. `legacy`: the keys of earlier versions, migrated on first sight (computed only when a new key is empty).
 * @throws the store's typed errors (StorageUnavailableError, ...).
 */
export async function loadTurn(
  store: StateStore,
  keys: StateKeys,
  legacy: () => Pick<StateKeys, 'conversation' | 'user'>,
  linkKey: string | undefined,
): Promise<LoadedTurn> {
  const readKeys = [keys.conversation, keys.user, ...(linkKey ? [linkKey] : [])];
  let items = await store.read(readKeys);
  if (await migrateStateKeys(store, keys, legacy, items)) items = await store.read(readKeys);
  const conversation = checkConversationItem(items[keys.conversation]);
  const user = checkUserItem(items[keys.user]);
  const lang: unknown = user.item?.lang;
  return {
    state: conversation.state,
    assignments: conversation.assignments,
    userItem: user.item,
    eTags: { conversation: conversation.eTag, user: user.eTag },
    lang: isLang(lang) ? lang : undefined,
    langSettled: isLang(lang) && user.item?.langAssumed !== true,
    link: linkKey ? items[linkKey] : undefined,
    invalid: [conversation.invalid, user.invalid].filter((e): e is InvalidStoredStateError => e !== undefined),
  };
}
