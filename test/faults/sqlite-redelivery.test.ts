/**
 * Exactly once on SQLite across a crash: a message whose turn was committed before the bot
 * was killed (kill -9) and that the channel redelivers to the restarted bot is not applied
 * again, so the answers do not shift onto the next question.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../../testkit/bot-process';
import { startChannelSink, type ChannelSink } from '../../testkit/channel-sink';
import { askedQuestions, goToFirstQuestion, send, waitForQuestion } from '../scale/dialog-steps';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-redelivery-'));
const running: BotProcess[] = [];
let sink: ChannelSink;

beforeAll(async () => {
  sink = await startChannelSink();
});
afterAll(async () => {
  await Promise.all(running.map((bot) => bot.stop()));
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startBot(): Promise<BotProcess> {
  const bot = await startBotProcess({ env: { STORAGE_URL: `sqlite:${join(dir, 'bot.db')}` } });
  running.push(bot);
  return bot;
}

it('ignores a message redelivered after kill -9 when its turn was committed', async () => {
  const first = await startBot();
  const conversationId = `redeliver-${randomUUID()}`;
  await goToFirstQuestion([first.messagesUrl], sink, conversationId);
  const answerId = randomUUID();
  await send(first.messagesUrl, sink, conversationId, { text: 'yes' }, answerId);
  await waitForQuestion(sink, conversationId, 2);
  await first.kill();

  const second = await startBot();
  const before = sink.repliesOf(conversationId).length;
  await send(second.messagesUrl, sink, conversationId, { text: 'yes' }, answerId);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(sink.repliesOf(conversationId).length).toBe(before);
  await send(second.messagesUrl, sink, conversationId, { text: 'no' });
  await waitForQuestion(sink, conversationId, 3);
  expect(askedQuestions(sink, conversationId)).toEqual([1, 2, 3]);
}, 60_000);
