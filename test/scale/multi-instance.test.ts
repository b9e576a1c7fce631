/**
 * Several real bot processes sharing the real Redis: ordering, exactly-once, and an
 * instance killed in the middle of a run.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActivity, postActivity } from '../../testkit/activities';
import { startBotProcess, stopAllBotProcesses, type BotProcess } from '../../testkit/bot-process';
import { startChannelSink, type ChannelSink } from '../../testkit/channel-sink';
import { askedQuestions, goToFirstQuestion, questionNumber, send, waitForQuestion } from './dialog-steps';
import { createTestPrefix, deleteTestKeys, SHARED_REDIS_URL } from '../../testkit/private-redis';

const prefix = createTestPrefix('scale');
let sink: ChannelSink;
const bots: BotProcess[] = [];
const ANSWERS = ['yes', 'no', 'not sure'];
/** Questions 1 to 9 of "check my offer" take yes / no / not sure. */
const ANSWER_COUNT = 9;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  sink = await startChannelSink();
  const env = { STORAGE_URL: SHARED_REDIS_URL, REDIS_KEY_PREFIX: prefix, REDIS_LOCK_TTL_MS: '2000', RATE_LIMIT_MESSAGES: '1000' };
  // One after the other: three cold starts at once on a loaded 2-core machine starve each
  // other; one at a time each is ready in a few seconds. A start that fails stops its own
  // process, and afterAll stops every process started here (even after a hook time-out).
  for (let i = 0; i < 3; i++) bots.push(await startBotProcess({ env, readyTimeoutMs: 90_000 }));
}, 300_000);

afterAll(async () => {
  await stopAllBotProcesses();
  await sink?.close();
  await deleteTestKeys(prefix);
});

/**
 * Fires 9 answers (the yes/no questions 1 to 9) of one conversation 120 ms apart over `urls`; each turn takes longer
 * (the channel answers after 300 ms), so the nine are in flight together. Across instances the
 * order is the order of arrival at Redis; messages closer together than the instances'
 * scheduling jitter have no defined order, and on a loaded 2-core machine a request can wait
 * tens of milliseconds for a socket: the spacing stays well above that.
 */
async function fireTenAnswers(urls: string[], conversationId: string): Promise<string[]> {
  const ids = Array.from({ length: ANSWER_COUNT }, () => randomUUID());
  const posts: Promise<{ status: number }>[] = [];
  for (let i = 0; i < ANSWER_COUNT; i++) {
    posts.push(postActivity(urls[i % urls.length]!, buildActivity(sink.url, conversationId, { text: ANSWERS[i % 3]! }, 'en-US', ids[i])));
    await sleep(120);
  }
  expect((await Promise.all(posts)).map((p) => p.status)).toEqual(Array(ANSWER_COUNT).fill(200));
  return ids;
}

describe.each([
  ['1 instance', 1],
  ['3 instances sharing Redis', 3],
])('10 messages of one conversation fired together at %s', (_name, count) => {
  it('records every answer and replies in input order', async () => {
    const urls = bots.slice(0, count).map((bot) => bot.messagesUrl);
    const conversationId = `order-${count}-${randomUUID()}`;
    await goToFirstQuestion(urls, sink, conversationId);
    sink.setDelay(300);
    try {
      const ids = await fireTenAnswers(urls, conversationId);
      const replies = sink.repliesOf(conversationId);
      const answerReplies = replies.filter((r) => ids.includes(r.replyToId ?? ''));
      const answered = [...new Set(answerReplies.map((r) => r.replyToId))];
      expect(answered).toEqual(ids);
      expect(askedQuestions(sink, conversationId), JSON.stringify(replies.map((r) => [ids.indexOf(r.replyToId ?? ""), r.text?.slice(0, 30)]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const lastAnswerReplies = answerReplies.filter((r) => r.replyToId === ids[ANSWER_COUNT - 1]);
      expect(lastAnswerReplies.length).toBeGreaterThan(0);
      expect(lastAnswerReplies.map((r) => questionNumber(r.text)).filter((n) => n !== undefined)).toEqual([ANSWER_COUNT + 1]);
    } finally {
      sink.setDelay(0);
    }
  });
});

describe('exactly once across instances', () => {
  it('answers an activity delivered to two instances at the same moment, and again later, once', async () => {
    const urls = bots.map((bot) => bot.messagesUrl);
    const conversationId = `dup-${randomUUID()}`;
    await goToFirstQuestion(urls, sink, conversationId);
    const activity = buildActivity(sink.url, conversationId, { text: 'yes' });
    const results = await Promise.all([postActivity(urls[0]!, activity), postActivity(urls[1]!, activity)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect((await postActivity(urls[2]!, activity)).status).toBe(200);
    await send(urls[0]!, sink, conversationId, { text: 'no' });
    await waitForQuestion(sink, conversationId, 3);
    expect(askedQuestions(sink, conversationId)).toEqual([1, 2, 3]);
  });
});

describe('an instance killed in the middle of a run', () => {
  it('corrupts no conversation and loses no acknowledged turn', async () => {
    const conversations = Array.from({ length: 12 }, () => `kill-${randomUUID()}`);
    const urls = bots.map((bot) => bot.messagesUrl);
    await Promise.all(conversations.map((id) => goToFirstQuestion(urls, sink, id)));
    sink.setDelay(15);
    const acknowledged = new Map<string, number>();
    let turn = 0;
    const killAt = 40;
    const victim = bots[2]!;
    const runConversation = async (conversationId: string) => {
      for (let q = 1; q <= ANSWER_COUNT; q++) {
        const activity = buildActivity(sink.url, conversationId, { text: ANSWERS[q % 3]! });
        for (let attempt = 0; ; attempt++) {
          if (++turn === killAt) void victim.kill();
          const alive = bots.filter((bot) => !bot.hasExited());
          const target = alive[(turn + attempt) % alive.length]!;
          const result = await postActivity(target.messagesUrl, activity, 20_000);
          if (result.status === 200) {
            if (target !== victim) acknowledged.set(conversationId, q);
            break;
          }
          expect(attempt, 'a turn failed on every surviving instance').toBeLessThan(5);
        }
      }
    };
    try {
      await Promise.all(conversations.map(runConversation));
    } finally {
      sink.setDelay(0);
    }
    expect(victim.hasExited()).toBe(true);
    for (const id of conversations) {
      const asked = askedQuestions(sink, id);
      // Strictly increasing: no answer applied twice, no two turns reading the same state.
      expect(asked.every((n, i) => i === 0 || n > asked[i - 1]!), `asked: ${asked.join(',')}`).toBe(true);
      // The last answer was acknowledged by a survivor, and the conversation reached the result.
      expect(acknowledged.get(id)).toBe(ANSWER_COUNT);
      expect(asked.at(-1)).toBe(ANSWER_COUNT + 1);
    }
  }, 120_000);
});
