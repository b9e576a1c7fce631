/** A user on a fake Bot Framework channel: posts activities to the bot, reads what the bot posted back. */
import type { FakeChannel } from '../../testkit/fake-channel';
import { buildMessage, postJson } from '../helpers/http';

let counter = 0;

/** One user's conversation with the bot at `messagesUrl`, replies recorded by `channel`. */
export function createUser(messagesUrl: string, channel: FakeChannel, locale = 'en-US') {
  counter += 1;
  const conversationId = `handoff-conv-${counter}-${Date.now()}`;
  const userId = `handoff-user-${counter}`;
  const base = { serviceUrl: channel.url, locale, conversation: { id: conversationId }, from: { id: userId, name: 'User' } };
  /** Messages the bot posted to this conversation so far. */
  const received = () => channel.posts.filter((p) => p.conversationId === conversationId && p.activity.type === 'message').map((p) => p.activity);
  return {
    conversationId,
    received,
    /** Texts received so far. */
    texts: () => received().map((a) => String(a.text ?? '')),
    /** Sends a text; resolves when the bot's turn is over (its replies are posted by then). */
    async say(text: string) {
      const result = await postJson(messagesUrl, buildMessage(channel.url, { ...base, text }));
      if (result.status !== 200) throw new Error(`bot answered ${result.status}`);
      return result;
    },
    /** Taps a button (`value: { choice }`). */
    async tap(choice: string, label = choice) {
      const result = await postJson(messagesUrl, buildMessage(channel.url, { ...base, text: label, value: { choice } }));
      if (result.status !== 200) throw new Error(`bot answered ${result.status}`);
      return result;
    },
    /** Sends any activity of this conversation (events of the hand-off protocol). */
    async send(fields: Record<string, unknown>) {
      return postJson(messagesUrl, buildMessage(channel.url, { ...base, ...fields }));
    },
    /** Waits until the bot posted at least `count` messages to this conversation. */
    async waitFor(count: number, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received().length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${received().length}: ${JSON.stringify(received().map((a) => a.text))}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return received();
    },
  };
}

/** A new user who says hello, asks for a person and agrees: the conversation is then with a counsellor. */
export async function startConsentedUser(messagesUrl: string, channel: FakeChannel, locale = 'en-US') {
  const user = createUser(messagesUrl, channel, locale);
  await user.say('hello');
  await user.say('I want to talk to a person');
  await user.tap('yes');
  return user;
}
