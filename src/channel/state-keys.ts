/** Storage keys of a turn. Raw ids never reach storage: they are hashed with SHA-256. */
import { hashParts } from '../log/hash-id';
import type { InboundActivity } from './types';

export interface StateKeys {
  conversation: string;
  user: string;
  /** Deduplication key of the activity (undefined when the channel sent no id). */
  activity?: string;
}

/** Keys of the conversation state, the user state and the activity. */
export function getStateKeys(activity: InboundActivity): StateKeys {
  const channel = activity.channelId;
  const conversation = activity.conversation.id;
  return {
    conversation: `conv/${hashParts(channel, conversation)}`,
    user: `user/${hashParts(channel, activity.from.id)}`,
    ...(activity.id ? { activity: hashParts(channel, conversation, activity.id) } : {}),
  };
}
