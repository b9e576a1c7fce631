/**
 * The user's conversations on a channel, listed (by hashed state key) in the user's state,
 * so that "delete my data" can delete every conversation the bot holds for that user, not
 * only the one where it was asked.
 */

/** A stored user item (any shape; only `conversations` is read here). */
type StoreItem = Record<string, unknown>;

/** Most conversations remembered per user; older ones expire with the retention period anyway. */
export const MAX_LISTED_CONVERSATIONS = 200;

/** The conversation keys listed in a user item. */
export function listUserConversations(userItem: StoreItem | undefined): string[] {
  const listed: unknown = userItem?.conversations;
  return Array.isArray(listed) ? listed.filter((key): key is string => typeof key === 'string') : [];
}

/** True when `conversationKey` still has to be added to the user's list. */
export function needsListing(userItem: StoreItem | undefined, conversationKey: string): boolean {
  return !listUserConversations(userItem).includes(conversationKey);
}

/** The user's list with `conversationKey` added (most recent last, bounded). */
export function withConversation(userItem: StoreItem | undefined, conversationKey: string): string[] {
  const listed = listUserConversations(userItem).filter((key) => key !== conversationKey);
  return [...listed, conversationKey].slice(-MAX_LISTED_CONVERSATIONS);
}

/** Every key to delete when the user asks: all their listed conversations, this one, and the user item. */
export function keysToDelete(userItem: StoreItem | undefined, conversationKey: string, userKey: string): string[] {
  return [...new Set([...listUserConversations(userItem), conversationKey, userKey])];
}
