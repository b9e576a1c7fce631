/** Storage keys of a turn. Raw ids never reach storage: they are hashed with the bot's id secret (HMAC). */
import { legacyHashParts, type IdHasher } from '../log/hash-id';
import type { InboundActivity } from './types';

export interface StateKeys {
  conversation: string;
  user: string;
  /** Deduplication key of the activity (undefined when the channel sent no id). */
  activity?: string;
}

/** Keys of the conversation state, the user state and the activity, keyed by `ids`. */
export function getStateKeys(activity: InboundActivity, ids: IdHasher): StateKeys {
  const channel = activity.channelId;
  const conversation = activity.conversation.id;
  return {
    conversation: `conv/${ids.parts(channel, conversation)}`,
    user: `user/${ids.parts(channel, activity.from.id)}`,
    ...(activity.id ? { activity: ids.parts(channel, conversation, activity.id) } : {}),
  };
}

/** The keys earlier versions used (unkeyed SHA-256), to migrate state stored under them. */
export function getLegacyStateKeys(activity: InboundActivity): Pick<StateKeys, 'conversation' | 'user'> {
  const channel = activity.channelId;
  return {
    conversation: `conv/${legacyHashParts(channel, activity.conversation.id)}`,
    user: `user/${legacyHashParts(channel, activity.from.id)}`,
  };
}
