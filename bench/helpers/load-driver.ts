/**
 * Drives N concurrent simulated users against one or more bot instances. Each user waits
 * for the answer to a message before sending the next one (as a person does); requests are
 * spread round-robin over the instances (no sticky sessions). Latency is the round trip
 * of POST /api/messages, during which the bot posts its replies to the channel sink.
 */
import { buildActivity, type UserInput } from '../../testkit/activities';
import { systemTextEn } from '../../testkit/system-text';
import { postKeepAlive } from './keep-alive-post';
import type { ChannelSink } from '../../testkit/channel-sink';

/** Outcome of a load run. */
export interface LoadResult {
  turns: number;
  /**
   * Non-200 answers (503 when more turns are in flight than MAX_TURNS_IN_FLIGHT), transport
   * errors, turns after which no reply reached the channel, and turns answered with a failure
   * notice (storage unavailable, apology, rate limited) instead of the dialog.
   */
  errors: number;
  durationMs: number;
  turnsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Options of {@link driveLoad}. */
export interface LoadOptions {
  messagesUrls: string[];
  sink: ChannelSink;
  conversations: number;
  script: UserInput[];
  /** Distinguishes the conversation ids of successive runs against the same sink. */
  label: string;
}

/** ThinkFirst's English failure notices: a turn answered with one of them failed, even with a 200. */
const NOTICES: ReadonlySet<string> = new Set(['unavailable', 'apology', 'rate_limited'].map(systemTextEn));

/** The value at quantile `q` (0..1) of sorted `values`. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Median of `values` (any order). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs every conversation's script concurrently and measures every turn. */
export async function driveLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const pickUrl = () => options.messagesUrls[next++ % options.messagesUrls.length]!;
  const runConversation = async (index: number) => {
    const conversationId = `${options.label}-${index}`;
    for (const input of options.script) {
      const before = options.sink.repliesOf(conversationId).length;
      const result = await postKeepAlive(pickUrl(), buildActivity(options.sink.url, conversationId, input));
      latencies.push(result.ms);
      const replies = options.sink.repliesOf(conversationId).slice(before);
      if (result.status !== 200 || replies.length === 0 || replies.some((reply) => NOTICES.has(reply.text ?? ''))) errors += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.conversations }, (_, i) => runConversation(i)));
  const durationMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    turns: latencies.length,
    errors,
    durationMs,
    turnsPerSec: (latencies.length / durationMs) * 1000,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
  };
}
