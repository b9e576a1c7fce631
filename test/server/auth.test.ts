import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advanceFixture, createFixtureRuntime } from '../fixtures/platform/fixture-runtime';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { buildMessage, postJson } from '../helpers/http';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';
import { startTokenAuthority, type TokenAuthority } from '../helpers/token-authority';

const APP_ID = '11111111-2222-3333-4444-555555555555';
let authority: TokenAuthority;
let channel: FakeChannel;
let bot: TestBot;
let turns = 0;

beforeAll(async () => {
  authority = await startTokenAuthority();
  channel = await startFakeChannel();
  bot = await startTestBot({
    runtime: createFixtureRuntime(),
    advance: (...args) => {
      turns += 1;
      return advanceFixture(...args);
    },
    auth: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret', ToBotFromChannelOpenIdMetadataUrl: authority.metadataUrl },
  });
});
afterAll(async () => {
  await bot.close();
  await channel.close();
  await authority.close();
});
beforeEach(() => {
  turns = 0;
});

/** A message that asks for its replies in the response, so no outbound token is needed. */
const message = () => buildMessage(channel.url, { channelId: 'webchat', deliveryMode: 'expectReplies', conversation: { id: `auth-${Math.random()}` } });

describe('authentication with MicrosoftAppId set', () => {
  it('runs the turn for a valid channel token', async () => {
    const response = await postJson(bot.messagesUrl, message(), { authorization: authority.sign({ audience: APP_ID, serviceUrl: channel.url }) });
    expect(response.status).toBe(200);
    expect((response.json() as { activities: { text?: string }[] }).activities[0]?.text).toBe('Hello! Choose a language.');
    expect(turns).toBe(1);
  });

  const BAD: [string, () => Record<string, string>][] = [
    ['no Authorization header', () => ({})],
    ['a non-bearer header', () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
    ['a malformed token', () => ({ authorization: 'Bearer not.a.jwt' })],
    ['an expired token', () => ({ authorization: authority.sign({ audience: APP_ID, serviceUrl: channel.url, expiresInSeconds: -3_600 }) })],
    ['a token for another bot', () => ({ authorization: authority.sign({ audience: 'another-app-id', serviceUrl: channel.url }) })],
    ['a token signed by an unknown key', () => ({ authorization: authority.sign({ audience: APP_ID, serviceUrl: channel.url, foreignKey: true }) })],
    ['a token from another issuer', () => ({ authorization: authority.sign({ audience: APP_ID, serviceUrl: channel.url, issuer: 'https://evil.example' }) })],
    ['a token for another serviceUrl', () => ({ authorization: authority.sign({ audience: APP_ID, serviceUrl: 'https://other.example' }) })],
  ];

  it.each(BAD)('answers 401 with a fixed body and runs no turn for %s', async (_name, headers) => {
    const response = await postJson(bot.messagesUrl, message(), headers());
    expect(response.status).toBe(401);
    expect(response.text).toBe('Unauthorized');
    expect(turns).toBe(0);
    expect(channel.posts).toEqual([]);
  });

  it('still refuses malformed bodies with 400 before authentication', async () => {
    expect((await postJson(bot.messagesUrl, { type: 5 })).status).toBe(400);
  });
});
