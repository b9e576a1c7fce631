/**
 * Helpers for the multi-process tests: walk a conversation to the first question of
 * "check my offer" (yes/no questions whose texts start with "1/12.", "2/12." …), send
 * messages, and read which question a reply asks.
 */
import { expect } from 'vitest';
import { buildActivity, postActivity, type UserInput } from '../../testkit/activities';
import type { ChannelSink } from '../../testkit/channel-sink';
import { systemTextEn } from '../../testkit/system-text';

/** Sends one input and fails the test unless the bot answers 200. */
export async function send(messagesUrl: string, sink: ChannelSink, conversationId: string, input: UserInput, id?: string): Promise<void> {
  const result = await postActivity(messagesUrl, buildActivity(sink.url, conversationId, input, 'en-US', id));
  expect(result.status, `POST /api/messages for ${JSON.stringify(input)}`).toBe(200);
}

/** The English "temporarily unavailable" notice (storage down or too slow for this turn). */
export const UNAVAILABLE_EN = systemTextEn('unavailable');

/** Times one set-up step is sent while its answer is the unavailable notice. */
const STEP_TRIES = 5;

/**
 * Sends one set-up step and waits for its answer: replies that `expected` accepts. An answer
 * that is the unavailable notice (a slow store under load) sends the step again, with a new
 * activity id; any other answer, or none, fails naming the step and what came.
 */
async function sendStep(messagesUrl: string, sink: ChannelSink, conversationId: string, input: UserInput, expected: (texts: string[]) => boolean): Promise<void> {
  const seen: string[][] = [];
  for (let attempt = 1; attempt <= STEP_TRIES; attempt++) {
    const before = sink.repliesOf(conversationId).length;
    await send(messagesUrl, sink, conversationId, input);
    const deadline = Date.now() + 10_000;
    let texts: string[] = [];
    // The bot answers 200 once its replies were posted; a little grace for the sink's bookkeeping.
    while (Date.now() < deadline) {
      texts = sink.repliesOf(conversationId).slice(before).map((r) => r.text ?? '');
      if (texts.includes(UNAVAILABLE_EN) || expected(texts)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    seen.push(texts);
    if (expected(texts) && !texts.includes(UNAVAILABLE_EN)) return;
    if (!texts.includes(UNAVAILABLE_EN)) break;
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
  throw new Error(`set-up step ${JSON.stringify(input)} of ${conversationId} did not get its answer after ${seen.length} tries (replies: ${JSON.stringify(seen)})`);
}

/**
 * Walks `conversationId` to question 1 (join, English, check my offer, answer questions), each
 * step checked by its reply, and resent while the reply is the unavailable notice, so a test
 * starts from question 1 whatever the load.
 */
export async function goToFirstQuestion(messagesUrls: string[], sink: ChannelSink, conversationId: string): Promise<void> {
  const answered = (texts: string[]) => texts.length > 0;
  const steps: [UserInput, (texts: string[]) => boolean][] = [
    [{ join: true }, answered],
    [{ choice: 'en', text: 'English' }, answered],
    [{ choice: 'check_offer', text: 'Check my offer' }, answered],
    [{ choice: 'questions', text: 'Answer questions' }, (texts) => texts.some((text) => questionNumber(text) === 1)],
  ];
  for (const [i, [input, expected]] of steps.entries()) await sendStep(messagesUrls[i % messagesUrls.length]!, sink, conversationId, input, expected);
}

/** The question number a reply asks ("3/12. …" -> 3), or undefined. */
export function questionNumber(text: string | undefined): number | undefined {
  const match = /^(\d+)\/\d+\./.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Question numbers asked in the replies of `conversationId`, in arrival order. */
export function askedQuestions(sink: ChannelSink, conversationId: string): number[] {
  return sink.repliesOf(conversationId).map((r) => questionNumber(r.text)).filter((n): n is number => n !== undefined);
}

/** Waits until question `n` was asked in `conversationId`. */
export async function waitForQuestion(sink: ChannelSink, conversationId: string, n: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!askedQuestions(sink, conversationId).includes(n)) {
    if (Date.now() > deadline) throw new Error(`question ${n} was not asked within ${timeoutMs} ms (asked: ${askedQuestions(sink, conversationId).join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until /readyz answers `status`. */
export async function waitForReadyz(url: string, status: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status, () => 0);
    if (got === status) return;
    if (Date.now() > deadline) throw new Error(`/readyz of ${url} answered ${got}, expected ${status} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
