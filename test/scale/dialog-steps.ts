/**
 * Helpers for the multi-process tests: walk a conversation to the first question of
 * "check my offer" (yes/no questions whose texts start with "1/12.", "2/12." …), send
 * messages, and read which question a reply asks.
 */
import { expect } from 'vitest';
import { buildActivity, postActivity, type UserInput } from '../../testkit/activities';
import type { ChannelSink } from '../../testkit/channel-sink';

/** Sends one input and fails the test unless the bot answers 200. */
export async function send(messagesUrl: string, sink: ChannelSink, conversationId: string, input: UserInput, id?: string): Promise<void> {
  const result = await postActivity(messagesUrl, buildActivity(sink.url, conversationId, input, 'en-US', id));
  expect(result.status, `POST /api/messages for ${JSON.stringify(input)}`).toBe(200);
}

/** Walks `conversationId` to question 1 (join, English, check my offer, answer questions). */
export async function goToFirstQuestion(messagesUrls: string[], sink: ChannelSink, conversationId: string): Promise<void> {
  const steps: UserInput[] = [{ join: true }, { choice: 'en', text: 'English' }, { choice: 'check_offer', text: 'Check my offer' }, { choice: 'questions', text: 'Answer questions' }];
  for (const [i, step] of steps.entries()) await send(messagesUrls[i % messagesUrls.length]!, sink, conversationId, step);
  await waitForQuestion(sink, conversationId, 1);
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
