/**
 * A simulated user of the fault benchmark: walks one conversation through the yes/no questions (1 to 9)
 * of "check my offer" the way a person on a messaging channel would, across several bot
 * instances, and classifies every answer's outcome.
 *
 * - The "channel" posts each message to a random instance and redelivers it (same activity id)
 *   to another one when the HTTP call fails (instance killed).
 * - "Temporarily unavailable": the user types the same answer again (a new activity).
 * - No reply at all: the user types something the bot does not understand, which makes it ask
 *   its current question again, and so learns whether the answer was taken.
 * Every answer must move the conversation exactly one question on: a jump of two is an answer
 * applied twice; being asked the same question again after a normal reply is an answer lost.
 */
import { randomUUID } from 'node:crypto';
import { buildActivity, postActivity, type UserInput } from '../../testkit/activities';
import type { ChannelSink, SinkReply } from '../../testkit/channel-sink';

/** Outcome counters of one conversation. */
export interface UserCounts {
  answers: number;
  unavailable: number;
  redelivered: number;
  silent: number;
  doubleApplied: number;
  lost: number;
  /** True when the conversation reached question 10 (all yes/no questions answered). */
  finished: boolean;
}

/** Where the user posts: the live instances, read at each post. */
export type InstanceList = () => string[];

const ANSWERS = ['yes', 'no', 'not sure'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** The question number a reply asks ("3/12. …" -> 3), or undefined. */
export function questionNumber(text: string | undefined): number | undefined {
  const match = /^(\d+)\/\d+\./.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}

/** One simulated conversation. */
export class SimulatedUser {
  readonly counts: UserCounts = { answers: 0, unavailable: 0, redelivered: 0, silent: 0, doubleApplied: 0, lost: 0, finished: false };
  private asked = 0;

  constructor(
    readonly conversationId: string,
    private readonly sink: ChannelSink,
    private readonly instances: InstanceList,
    private readonly unavailableText: string,
    private readonly replyWaitMs = 6000,
  ) {}

  /** Posts `input` as the channel would: to one instance, redelivered to others while the call fails. */
  async post(input: UserInput, id = randomUUID()): Promise<void> {
    const activity = buildActivity(this.sink.url, this.conversationId, input, 'en-US', id);
    for (let attempt = 0; attempt < 8; attempt++) {
      const result = await postActivity(pick(this.instances()), activity, 20_000);
      if (result.status === 200) return;
      this.counts.redelivered += 1;
      await sleep(300);
    }
  }

  /** Sends `input` and waits for the replies it causes (settled for 300 ms), or none after the wait. */
  async exchange(input: UserInput, waitMs = this.replyWaitMs): Promise<SinkReply[]> {
    const before = this.sink.repliesOf(this.conversationId).length;
    await this.post(input);
    const deadline = Date.now() + waitMs;
    let seen = before;
    let settledAt = 0;
    while (Date.now() < deadline) {
      const now = this.sink.repliesOf(this.conversationId).length;
      if (now !== seen) {
        seen = now;
        settledAt = Date.now() + 300;
      }
      if (settledAt && Date.now() > settledAt) break;
      await sleep(20);
    }
    return this.sink.repliesOf(this.conversationId).slice(before);
  }

  /** Joins, picks English and "answer questions": waits until question 1 is asked. */
  async start(): Promise<boolean> {
    const steps: UserInput[] = [{ join: true }, { choice: 'en', text: 'English' }, { choice: 'check_offer', text: 'Check my offer' }, { choice: 'questions', text: 'Answer questions' }];
    for (const step of steps) {
      let replies = await this.exchange(step);
      for (let retry = 0; retry < 5 && (replies.length === 0 || replies.some((r) => r.text === this.unavailableText)); retry++) {
        await sleep(500);
        replies = await this.exchange(step);
      }
      const asked = replies.map((r) => questionNumber(r.text)).find((n) => n !== undefined);
      if (asked !== undefined) this.asked = asked;
    }
    return this.asked === 1;
  }

  /** Answers until question 10 is asked or `deadline`, thinking `thinkMs` between answers. */
  async answerAll(deadline: number, thinkMs: () => number): Promise<void> {
    while (this.asked < 10 && Date.now() < deadline) {
      await sleep(thinkMs());
      const answer = ANSWERS[this.asked % ANSWERS.length]!;
      this.counts.answers += 1;
      let replies = await this.exchange({ text: answer });
      for (let tries = 0; tries < 20 && Date.now() < deadline; tries++) {
        if (replies.some((r) => r.text === this.unavailableText)) {
          this.counts.unavailable += 1;
          await sleep(1000);
          replies = await this.exchange({ text: answer });
          continue;
        }
        const asked = replies.map((r) => questionNumber(r.text)).filter((n): n is number => n !== undefined).at(-1);
        if (asked === undefined) {
          // No reply: ask the bot where we are, with something it does not understand.
          this.counts.silent += 1;
          replies = await this.exchange({ text: 'hmm' });
          const current = replies.map((r) => questionNumber(r.text)).filter((n): n is number => n !== undefined).at(-1);
          if (current === this.asked + 1) {
            this.asked = current;
            break;
          }
          if (current === this.asked) replies = await this.exchange({ text: answer });
          continue;
        }
        if (asked > this.asked + 1) this.counts.doubleApplied += 1;
        if (asked <= this.asked) this.counts.lost += 1;
        this.asked = asked;
        break;
      }
    }
    this.counts.finished = this.asked >= 10;
  }

  /** After the faults: one message must get a normal reply (not "unavailable") within `withinMs`. */
  async answersNormally(withinMs: number): Promise<boolean> {
    const started = Date.now();
    const replies = await this.exchange({ text: 'hmm' }, withinMs);
    return replies.length > 0 && !replies.some((r) => r.text === this.unavailableText) && Date.now() - started <= withinMs + 300;
  }
}
