import { describe, expect, it } from 'vitest';
import { buildMessage, postJson } from '../helpers/http';
import { useFixtureBot } from '../helpers/fixture-bot';

const fx = useFixtureBot();


/** The bot still answers a normal message (the process survived). */
async function expectStillAnswering(): Promise<void> {
  const response = await postJson(fx.bot.messagesUrl, buildMessage('http://127.0.0.1:9', { deliveryMode: 'expectReplies', conversation: { id: `alive-${Math.random()}` } }));
  expect(response.status).toBe(200);
  expect((response.json() as { activities: unknown[] }).activities.length).toBeGreaterThan(0);
}

/** A valid message; bad-body cases are built at load time, before the fake channel exists. */
const valid = (serviceUrl = 'http://127.0.0.1:9') => buildMessage(serviceUrl);
const without = (field: string) => {
  const body = valid();
  delete body[field];
  return body;
};

const BAD_BODIES: [string, unknown][] = [
  ['invalid JSON', '{"type": "message",'],
  ['an empty object', {}],
  ['a numeric type', { type: 5 }],
  ['a JSON number', '5'],
  ['a JSON string', '"message"'],
  ['null', 'null'],
  ['an array', [valid()]],
  ['a message without conversation', without('conversation')],
  ['a message without from', without('from')],
  ['a message without serviceUrl', without('serviceUrl')],
  ['a message without channelId', without('channelId')],
  ['a conversation without id', { ...valid(), conversation: {} }],
  ['a from that is a string', { ...valid(), from: 'user-1' }],
  ['a serviceUrl that is not a URL', { ...valid(), serviceUrl: 'not a url' }],
  ['a serviceUrl with another scheme', { ...valid(), serviceUrl: 'file:///etc/passwd' }],
  ['a text that is an object', { ...valid(), text: { nested: true } }],
  ['membersAdded that is not a list', { ...valid(), type: 'conversationUpdate', membersAdded: 'everyone' }],
  ['a member without id', { ...valid(), type: 'conversationUpdate', membersAdded: [{ name: 'x' }] }],
];

describe('hardened /api/messages', () => {
  it.each(BAD_BODIES)('answers 400 with a fixed body to %s, and keeps running', async (_name, body) => {
    const response = await postJson(fx.bot.messagesUrl, body);
    expect(response.status).toBe(400);
    expect(response.text).toBe('Bad Request');
    await expectStillAnswering();
  });

  it('answers 413 to a body over 256 KB', async () => {
    const response = await postJson(fx.bot.messagesUrl, { ...valid(), text: 'x'.repeat(300 * 1024) });
    expect(response.status).toBe(413);
    expect(response.text).toBe('Payload Too Large');
    await expectStillAnswering();
  });

  it('accepts a body just under 256 KB', async () => {
    const response = await postJson(fx.bot.messagesUrl, { ...valid(), deliveryMode: 'expectReplies', text: 'x'.repeat(200 * 1024) });
    expect(response.status).toBe(200);
  });

  it('answers 415 to a body with a non-JSON content type in local mode', async () => {
    const response = await fetch(fx.bot.messagesUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(response.status).toBe(415);
    expect(await response.text()).toBe('Unsupported Media Type');
  });

  it('answers 404 with a fixed body to unknown routes and methods', async () => {
    const response = await fetch(`${fx.bot.url}/api/messages`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not Found');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it.each(['typing', 'messageReaction', 'event', 'endOfConversation', 'somethingNew'])(
    'answers 200 to a %s activity, with no reply and no state written',
    async (type) => {
      const before = fx.channel.posts.length;
      const conversation = { id: `ignored-${type}` };
      const from = { id: `ignored-user-${type}` };
      const response = await postJson(fx.bot.messagesUrl, { ...valid(fx.channel.url), type, conversation, from, text: undefined, name: 'x', value: { choice: 'en' } });
      expect(response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fx.channel.posts.length).toBe(before);
      const keys = fx.bot.processor.keysOf({ ...valid(), type, conversation, from } as never);
      expect(Object.keys(await fx.bot.store.read([keys.conversation, keys.user]))).toEqual([]);
    },
  );

  it('survives a channel that cannot be reached (reply delivery fails)', async () => {
    const response = await postJson(fx.bot.messagesUrl, buildMessage('http://127.0.0.1:9', { conversation: { id: 'unreachable' } }));
    expect(response.status).toBe(200);
    await expectStillAnswering();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${fx.bot.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${fx.bot.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('ready');
  });
});
