/**
 * The typing indicator of a slow turn stops with the turn: with a channel that refuses or
 * answers slowly, nothing touches the turn after it ended (no unhandled rejection, no error
 * outside the turn processor), and the turns still answer.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/storage/memory-store';
import type { StateStore } from '../../src/storage/types';
import { advanceFixture, createFixtureRuntime } from '../fixtures/platform/fixture-runtime';
import { startChannelSink, type ChannelSink } from '../../testkit/channel-sink';
import { buildMessage, postJson } from '../helpers/http';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let bot: TestBot;
let sink: ChannelSink;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);

/** A store whose reads take 1.6 s: every turn is slow enough for typing indicators. */
function slowStore(): StateStore {
  const store = createMemoryStore();
  return { ...store, read: async (keys) => (await sleep(1600), store.read(keys)), write: (c) => store.write(c), delete: (k) => store.delete(k), ping: () => store.ping(), close: () => store.close() };
}

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  sink = await startChannelSink();
  bot = await startTestBot({ runtime: createFixtureRuntime(), advance: advanceFixture, store: slowStore() });
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await bot?.close();
  await sink?.close();
});

/** A loopback port where nothing listens: the channel refuses every post. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('sends typing during a slow turn and nothing after it ended, whether the channel refuses or is slow', async () => {
  const refusing = `http://127.0.0.1:${await closedPort()}`;
  const results = await Promise.all([
    postJson(bot.messagesUrl, buildMessage(refusing, { conversation: { id: 'typing-refused' } })),
    postJson(bot.messagesUrl, buildMessage(sink.url, { conversation: { id: 'typing-ok' } })),
  ]);
  expect(results.map((r) => r.status)).toEqual([200, 200]);
  sink.setDelay(2500);
  expect((await postJson(bot.messagesUrl, buildMessage(sink.url, { conversation: { id: 'typing-slow' } }))).status).toBe(200);
  sink.setDelay(0);
  await sleep(4000);
  const okTypes = sink.repliesOf('typing-ok');
  expect(okTypes.length).toBeGreaterThan(0);
  expect(rejections.map((r) => (r instanceof Error ? r.name : String(r)))).toEqual([]);
  expect(bot.logs.lines().filter((line) => line.includes('unhandled') || line.includes('outside the turn processor'))).toEqual([]);
}, 30_000);
