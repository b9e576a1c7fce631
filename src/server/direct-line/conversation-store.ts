/**
 * The local Direct Line's memory: conversations with their token, user and activity buffer.
 * Bounded: each buffer keeps at most `maxActivities` activities and `maxBytes` of JSON
 * (oldest dropped first; watermarks keep counting), idle conversations expire after `ttlMs`,
 * and at most `maxConversations` exist (the least recently used is dropped).
 */
import { randomBytes, randomUUID } from 'node:crypto';

export interface StoredActivity {
  /** Position in the conversation, from 1; the watermark is the last position a client has. */
  seq: number;
  bytes: number;
  activity: Record<string, unknown>;
}

export interface DirectLineConversation {
  id: string;
  token: string;
  userId: string;
  locale?: string;
  lastSeen: number;
  nextSeq: number;
  bytes: number;
  activities: StoredActivity[];
}

export interface ConversationLimits {
  maxConversations: number;
  maxActivities: number;
  maxBytes: number;
  ttlMs: number;
}

export const DEFAULT_LIMITS: ConversationLimits = {
  maxConversations: 100,
  maxActivities: 100,
  maxBytes: 256 * 1024,
  ttlMs: 30 * 60_000,
};

export interface ConversationStore {
  create(userId: string, locale?: string): DirectLineConversation;
  /** The conversation, or undefined when unknown or expired; touching it keeps it alive. */
  get(id: string): DirectLineConversation | undefined;
  /** Stores `activity` with the next id (`<conversation>|<seq>`); returns that id. */
  append(conversation: DirectLineConversation, activity: Record<string, unknown>): string;
  /** Activities after `watermark`, and the new watermark. */
  listAfter(conversation: DirectLineConversation, watermark: number): { activities: Record<string, unknown>[]; watermark: number };
  /** The live conversation whose token is `token` (token refresh). */
  findByToken(token: string): DirectLineConversation | undefined;
  size(): number;
}

/** Creates an empty store; `now` is injectable for tests of expiry. */
export function createConversationStore(limits: Partial<ConversationLimits> = {}, now: () => number = Date.now): ConversationStore {
  const max = { ...DEFAULT_LIMITS, ...limits };
  const conversations = new Map<string, DirectLineConversation>();

  function sweep(): void {
    const oldest = now() - max.ttlMs;
    for (const [id, conversation] of conversations) if (conversation.lastSeen < oldest) conversations.delete(id);
    while (conversations.size >= max.maxConversations) {
      const first = conversations.keys().next().value;
      if (first === undefined) break;
      conversations.delete(first);
    }
  }

  return {
    create(userId, locale) {
      sweep();
      const conversation: DirectLineConversation = {
        id: randomUUID(),
        token: randomBytes(24).toString('base64url'),
        userId,
        ...(locale ? { locale } : {}),
        lastSeen: now(),
        nextSeq: 1,
        bytes: 0,
        activities: [],
      };
      conversations.set(conversation.id, conversation);
      return conversation;
    },
    get(id) {
      const conversation = conversations.get(id);
      if (!conversation) return undefined;
      if (conversation.lastSeen < now() - max.ttlMs) {
        conversations.delete(id);
        return undefined;
      }
      conversation.lastSeen = now();
      conversations.delete(id);
      conversations.set(id, conversation);
      return conversation;
    },
    append(conversation, activity) {
      const seq = conversation.nextSeq;
      conversation.nextSeq += 1;
      const id = `${conversation.id}|${String(seq).padStart(7, '0')}`;
      const stored = { ...activity, id };
      const bytes = JSON.stringify(stored).length;
      conversation.activities.push({ seq, bytes, activity: stored });
      conversation.bytes += bytes;
      while (conversation.activities.length > max.maxActivities || (conversation.bytes > max.maxBytes && conversation.activities.length > 1)) {
        conversation.bytes -= conversation.activities.shift()!.bytes;
      }
      return id;
    },
    listAfter(conversation, watermark) {
      const activities = conversation.activities.filter((a) => a.seq > watermark).map((a) => a.activity);
      return { activities, watermark: conversation.nextSeq - 1 };
    },
    findByToken(token) {
      for (const conversation of conversations.values()) {
        if (conversation.token === token) return this.get(conversation.id);
      }
      return undefined;
    },
    size: () => conversations.size,
  };
}
