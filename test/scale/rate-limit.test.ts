/** The per-conversation rate limit on a real bot process shared through Redis. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildActivity, postActivity } from '../../testkit/activities';
import { startBotProcess, type BotProcess } from '../../testkit/bot-process';
import { startChannelSink, type ChannelSink } from '../../testkit/channel-sink';
import { systemTextEn } from '../../testkit/system-text';
import { goToFirstQuestion, send, waitForQuestion } from './dialog-steps';
import { createTestPrefix, deleteTestKeys, SHARED_REDIS_URL } from '../../testkit/private-redis';

const RATE_LIMITED_EN = systemTextEn('rate_limited');
let sink: ChannelSink;
let bots: BotProcess[];
const prefix = createTestPrefix('ratebot');

beforeAll(async () => {
  sink = await startChannelSink();
  const env = { STORAGE_URL: SHARED_REDIS_URL, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_MESSAGES: '6', RATE_LIMIT_WINDOW_MS: '60000' };
  bots = await Promise.all([startBotProcess({ env }), startBotProcess({ env })]);
}, 60_000);
afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.stop()));
  await sink.close();
  await deleteTestKeys(prefix);
});

it('answers a flooding conversation with one polite notice across instances, and serves others normally', async () => {
  const [a, b] = bots as [BotProcess, BotProcess];
  const flooder = `flood-${randomUUID()}`;
  const calm = `calm-${randomUUID()}`;
  await goToFirstQuestion([a.messagesUrl, b.messagesUrl], sink, flooder);
  await goToFirstQuestion([a.messagesUrl], sink, calm);
  const before = sink.repliesOf(flooder).length;
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => postActivity((i % 2 ? a : b).messagesUrl, buildActivity(sink.url, flooder, { text: 'not sure' }))),
  );
  expect(results.every((r) => r.status === 200)).toBe(true);
  const texts = sink.repliesOf(flooder).slice(before).map((r) => r.text);
  expect(texts.filter((t) => t === RATE_LIMITED_EN)).toHaveLength(1);
  await send(b.messagesUrl, sink, calm, { text: 'yes' });
  await waitForQuestion(sink, calm, 2, 3000);
});
