/**
 * The freeze scenario on two real bot processes sharing a private redis-server: Redis is frozen
 * (SIGSTOP) while a message goes to instance A, then woken; from then on every message of that
 * conversation, on either instance, gets its normal answer within the lock TTL plus one second.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildActivity, postActivity } from '../../testkit/activities';
import { startBotProcess, type BotProcess } from '../../testkit/bot-process';
import { startChannelSink, type ChannelSink } from '../../testkit/channel-sink';
import { askedQuestions, goToFirstQuestion, waitForQuestion } from '../scale/dialog-steps';
import { startPrivateRedis, type PrivateRedis } from '../../testkit/private-redis';

const LOCK_TTL_MS = 1500;
const UNAVAILABLE = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../locales/en/system.json'), 'utf8')) as { unavailable: string }).unavailable;
let redis: PrivateRedis;
let sink: ChannelSink;
let bots: BotProcess[] = [];

beforeAll(async () => {
  redis = await startPrivateRedis();
  sink = await startChannelSink();
  const env = { STORAGE_URL: redis.url, REDIS_LOCK_TTL_MS: String(LOCK_TTL_MS), REDIS_COMMAND_TIMEOUT_MS: '800' };
  bots = await Promise.all([0, 1].map(() => startBotProcess({ env, readyTimeoutMs: 60_000 })));
}, 90_000);
afterAll(async () => {
  redis?.resume();
  await Promise.all(bots.map((bot) => bot.stop()));
  await sink?.close();
  await redis?.remove();
});

it('answers normally on both instances within the lock TTL plus one second after Redis wakes', async () => {
  const [a, b] = bots as [BotProcess, BotProcess];
  const conversationId = `freeze-${randomUUID()}`;
  await goToFirstQuestion([a.messagesUrl], sink, conversationId);
  redis.pause();
  const during = await postActivity(a.messagesUrl, buildActivity(sink.url, conversationId, { text: 'yes' }));
  expect(during.status).toBe(200);
  await sink.waitForMessages(conversationId, sink.repliesOf(conversationId).length, 3000);
  await new Promise((r) => setTimeout(r, 500));
  expect(sink.repliesOf(conversationId).at(-1)?.text).toBe(UNAVAILABLE);
  redis.resume();

  const woke = Date.now();
  expect((await postActivity(b.messagesUrl, buildActivity(sink.url, conversationId, { text: 'yes' }))).status).toBe(200);
  await waitForQuestion(sink, conversationId, 2, LOCK_TTL_MS + 1000);
  expect(Date.now() - woke).toBeLessThan(LOCK_TTL_MS + 1000);
  const next = Date.now();
  expect((await postActivity(a.messagesUrl, buildActivity(sink.url, conversationId, { text: 'no' }))).status).toBe(200);
  await waitForQuestion(sink, conversationId, 3, LOCK_TTL_MS + 1000);
  expect(Date.now() - next).toBeLessThan(LOCK_TTL_MS + 1000);
  expect(askedQuestions(sink, conversationId)).toEqual([1, 2, 3]);
}, 60_000);
