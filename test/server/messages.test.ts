import { beforeEach, describe, expect, it } from 'vitest';
import { buildJoin, buildMessage, postJson } from '../helpers/http';
import { MemoryRateLimiter } from '../../src/storage/rate-limit';
import { useFixtureBot } from '../helpers/fixture-bot';
import { startTestBot } from '../helpers/start-test-bot';
import { advanceFixture, createFixtureRuntime } from '../fixtures/platform/fixture-runtime';

const fx = useFixtureBot();
let conversation = 0;
/** A new conversation with a new user (user state is per user, across conversations). */
const nextConversation = () => ({ id: `conv-${++conversation}` });
const newUser = () => ({ from: { id: `user-${conversation}`, name: 'User' } });

beforeEach(() => fx.channel.clear());

describe('POST /api/messages (Emulator mode)', () => {
  it('posts the welcome to the channel when a user joins, with vi/fr/en buttons', async () => {
    const join = buildJoin(fx.channel.url, { conversation: nextConversation(), locale: 'fr-FR' });
    const response = await postJson(fx.bot.messagesUrl, join);
    expect(response.status).toBe(200);
    const [welcome] = await fx.channel.waitForMessages(1);
    expect(welcome?.text).toBe('Bonjour ! Choisissez une langue.');
    const actions = (welcome?.suggestedActions as { actions: { title: string; value: unknown }[] }).actions;
    expect(actions.map((a) => a.title)).toEqual(['Tiếng Việt', 'Français', 'English']);
    expect(actions[2]?.value).toEqual({ choice: 'en' });
    const post = fx.channel.posts.find((p) => p.activity.type === 'message');
    expect(post?.conversationId).toBe(`conv-${conversation}`);
    expect(post?.replyToId).toBe(join.id);
  });

  it('does not welcome when only the bot joins', async () => {
    const join = buildJoin(fx.channel.url, { conversation: nextConversation(), membersAdded: [{ id: 'bot-1' }] });
    expect((await postJson(fx.bot.messagesUrl, join)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fx.channel.messages()).toEqual([]);
  });

  it('welcomes a user who writes first, then keeps the language they tap', async () => {
    const conv = nextConversation();
    await postJson(fx.bot.messagesUrl, buildMessage(fx.channel.url, { conversation: conv, ...newUser(), text: 'xin chao', locale: 'vi-VN' }));
    expect((await fx.channel.waitForMessages(1))[0]?.text).toBe('Chào bạn! Chọn ngôn ngữ.');
    fx.channel.clear();
    await postJson(fx.bot.messagesUrl, buildMessage(fx.channel.url, { conversation: conv, ...newUser(), text: 'English', value: { choice: 'en' }, locale: 'vi-VN' }));
    expect((await fx.channel.waitForMessages(1))[0]?.text).toBe('Menu. Call 111.');
    fx.channel.clear();
    await postJson(fx.bot.messagesUrl, buildMessage(fx.channel.url, { conversation: conv, ...newUser(), text: 'anything', locale: 'vi-VN' }));
    expect((await fx.channel.waitForMessages(1))[0]?.text).toBe('Message number 1.');
  });

  it('returns the replies in the response body with deliveryMode expectReplies', async () => {
    const response = await postJson(fx.bot.messagesUrl, buildMessage(fx.channel.url, { conversation: nextConversation(), deliveryMode: 'expectReplies', locale: 'en-US' }));
    expect(response.status).toBe(200);
    const body = response.json() as { activities: { type: string; text?: string }[] };
    expect(body.activities.filter((a) => a.type === 'message').map((a) => a.text)).toEqual(['Hello! Choose a language.']);
    expect(fx.channel.posts).toEqual([]);
  });

  it('answers the turns of one conversation in order', async () => {
    const conv = nextConversation();
    await postJson(fx.bot.messagesUrl, buildMessage(fx.channel.url, { conversation: conv, value: { choice: 'en' } }));
    await fx.channel.waitForMessages(1);
    fx.channel.clear();
    await Promise.all(
      [1, 2, 3, 4, 5].map((i) => postJson(fx.bot.messagesUrl, buildMessage(fx.channel.url, { conversation: conv, text: `message ${i}` }))),
    );
    const messages = await fx.channel.waitForMessages(5);
    expect(messages.map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((n) => `Message number ${n}.`));
  });

  it('sends one rate-limit notice when a conversation floods, then drops its messages', async () => {
    const limited = await startTestBot({ runtime: createFixtureRuntime(), advance: advanceFixture, rateLimiter: new MemoryRateLimiter({ limit: 2, windowMs: 60_000 }) });
    const conv = nextConversation();
    for (const text of ['one', 'two', 'three', 'four']) {
      await postJson(limited.messagesUrl, buildMessage(fx.channel.url, { conversation: conv, ...newUser(), text, locale: 'en-US' }));
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fx.channel.messages().map((m) => m.text)).toEqual(['Hello! Choose a language.', 'Message number 1.', 'You are sending messages very fast. Please wait a few seconds, then try again.']);
    await limited.close();
  });

  it('processes a redelivered activity (same id) once', async () => {
    const conv = nextConversation();
    await postJson(fx.bot.messagesUrl, buildMessage(fx.channel.url, { conversation: conv, value: { choice: 'en' } }));
    await fx.channel.waitForMessages(1);
    fx.channel.clear();
    const message = buildMessage(fx.channel.url, { conversation: conv, text: 'once' });
    await postJson(fx.bot.messagesUrl, message);
    await postJson(fx.bot.messagesUrl, message);
    await postJson(fx.bot.messagesUrl, buildMessage(fx.channel.url, { conversation: conv, text: 'twice' }));
    const messages = await fx.channel.waitForMessages(2);
    expect(messages.map((m) => m.text)).toEqual(['Message number 1.', 'Message number 2.']);
  });
});
