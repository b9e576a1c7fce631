/** The local Direct Line's memory stays bounded: buffers capped, idle conversations expire, oldest evicted. */
import { describe, expect, it } from 'vitest';
import { createConversationStore } from '../../src/server/direct-line/conversation-store';

describe('Direct Line conversation store', () => {
  it('keeps the last activities of a conversation and counts watermarks on', () => {
    const store = createConversationStore({ maxActivities: 3 });
    const conversation = store.create('user-1');
    for (let i = 1; i <= 5; i += 1) store.append(conversation, { type: 'message', text: `m${i}` });
    const page = store.listAfter(conversation, 0);
    expect(page.activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5']);
    expect(page.watermark).toBe(5);
    expect(store.listAfter(conversation, 4).activities.map((a) => a.text)).toEqual(['m5']);
    expect(String(page.activities[0]!.id)).toBe(`${conversation.id}|0000003`);
  });

  it('caps the bytes held by one conversation', () => {
    const store = createConversationStore({ maxBytes: 1_000 });
    const conversation = store.create('user-1');
    for (let i = 0; i < 10; i += 1) store.append(conversation, { type: 'message', text: 'x'.repeat(300) });
    expect(conversation.bytes).toBeLessThanOrEqual(1_000);
    expect(conversation.activities.length).toBe(2);
  });

  it('forgets idle conversations and evicts the least recently used beyond the limit', () => {
    let now = 0;
    const store = createConversationStore({ ttlMs: 1_000, maxConversations: 2 }, () => now);
    const a = store.create('a');
    now = 500;
    const b = store.create('b');
    expect(store.get(a.id)).toBe(a);
    store.create('c');
    expect(store.get(b.id)).toBeUndefined();
    expect(store.get(a.id)).toBe(a);
    expect(store.size()).toBe(2);
    now = 5_000;
    expect(store.get(a.id)).toBeUndefined();
    expect(store.findByToken(a.token)).toBeUndefined();
  });
});
