/**
 * Under a flood of forged and expired tokens the bot's output stays JSON lines without
 * internals: botframework-connector's console.error calls (signing key, stack traces with
 * file paths) never reach stdout or stderr.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnBotProcess, type BotProcess } from '../../testkit/bot-process';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { buildMessage, postJson } from '../helpers/http';
import { startTokenAuthority, type TokenAuthority } from '../helpers/token-authority';

const APP_ID = '11111111-2222-3333-4444-555555555555';
let authority: TokenAuthority;
let channel: FakeChannel;
let bot: BotProcess;

beforeAll(async () => {
  authority = await startTokenAuthority();
  channel = await startFakeChannel();
  bot = await spawnBotProcess({ env: {
    LOG_LEVEL: 'info',
    STORAGE_URL: 'memory:',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'test-secret',
    ToBotFromChannelOpenIdMetadataUrl: authority.metadataUrl,
    HOST: '127.0.0.1',
  } });
  await bot.waitReady();
}, 90_000);
afterAll(async () => {
  await bot?.stop('SIGKILL');
  await channel?.close();
  await authority?.close();
});

it('answers 401 to forged and expired tokens and prints only JSON lines, with no key or stack trace', async () => {
  const tokens = [
    () => authority.sign({ audience: APP_ID, serviceUrl: channel.url, expiresInSeconds: -3_600 }),
    () => authority.sign({ audience: 'another-app-id', serviceUrl: channel.url }),
    () => authority.sign({ audience: APP_ID, serviceUrl: channel.url, issuer: 'https://evil.example' }),
    () => 'Bearer not.a.jwt',
  ];
  for (let i = 0; i < 20; i++) {
    const response = await postJson(`${bot.url}/api/messages`, buildMessage(channel.url, { channelId: 'webchat' }), { authorization: tokens[i % tokens.length]!() });
    expect(response.status).toBe(401);
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  const lines = bot.output().split('\n').filter((line) => line.trim() !== '');
  const notJson = lines.filter((line) => {
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
  expect(notJson.slice(0, 3)).toEqual([]);
  expect(bot.output()).not.toMatch(/BEGIN (PUBLIC|RSA)|node_modules|\s+at \S+ \(/);
}, 60_000);
