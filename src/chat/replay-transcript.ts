/**
 * Replays a transcript against the bot: each user activity (a message from `role: user`, or
 * the conversationUpdate that starts a conversation) is sent in order, and the bot messages
 * recorded after it are compared with the bot's replies (text and suggested-action titles).
 * Trace, typing and other activities, and volatile fields, are ignored.
 */
import type { InboundActivity } from '../channel/types';
import { compareReply, toComparable } from './compare-replies';
import type { LocalBot } from './local-bot';
import type { TranscriptActivity } from './transcript-file';

export interface ReplayResult {
  ok: boolean;
  /** User activities sent. */
  turns: number;
  /** A readable report of the first differing turn (empty when ok). */
  report: string;
}

/** True for an activity the replay sends to the bot. */
export function isUserActivity(activity: TranscriptActivity): boolean {
  if (activity.type === 'conversationUpdate') return (activity.membersAdded ?? []).some((m) => m.id !== activity.recipient?.id);
  return activity.type === 'message' && activity.from?.role === 'user';
}

/** True for a bot message that is compared. */
export function isBotMessage(activity: TranscriptActivity): boolean {
  return activity.type === 'message' && activity.from?.role === 'bot';
}

/** The activity sent to the bot: the transcript's, without its volatile fields. */
export function toInbound(activity: TranscriptActivity, index: number): InboundActivity {
  const inbound: InboundActivity = {
    type: activity.type,
    id: `replay-${index}`,
    channelId: activity.channelId ?? 'emulator',
    serviceUrl: 'http://localhost',
    conversation: { id: activity.conversation?.id ?? 'replay' } as InboundActivity['conversation'],
    from: { id: activity.from?.id ?? 'user', name: activity.from?.name ?? 'User', role: 'user' },
    recipient: { id: activity.recipient?.id ?? 'bot', name: activity.recipient?.name ?? 'Bot', role: 'bot' },
  };
  if (activity.locale) inbound.locale = activity.locale;
  if (typeof activity.text === 'string') inbound.text = activity.text;
  if (activity.value !== undefined) inbound.value = activity.value;
  if (activity.membersAdded) inbound.membersAdded = activity.membersAdded.map((m) => ({ id: m.id, name: m.name ?? '' }));
  return inbound;
}

/** How a user activity is named in a report. */
function describeUser(activity: TranscriptActivity, index: number): string {
  if (activity.type === 'conversationUpdate') return `the conversation start (#${index})`;
  return `the user's ${JSON.stringify(activity.text ?? '')} (#${index})`;
}

/**
 * Replays `activities` against `bot`; stops at the first turn whose replies differ.
 * @param where the transcript's file name, quoted in the report.
 */
export async function replayTranscript(activities: TranscriptActivity[], bot: LocalBot, where: string): Promise<ReplayResult> {
  let turns = 0;
  for (let i = 0; i < activities.length; i += 1) {
    const activity = activities[i]!;
    if (activity.type === 'message' && !activity.from?.role) {
      return { ok: false, turns, report: `${where}: message #${i} has no from.role ('user' or 'bot'); the replay cannot tell who sent it` };
    }
    if (!isUserActivity(activity)) continue;
    turns += 1;
    const actual = (await bot.send(toInbound(activity, i))).filter((reply) => reply.type === 'message');
    const expected: { index: number; activity: TranscriptActivity }[] = [];
    for (let j = i + 1; j < activities.length && !isUserActivity(activities[j]!); j += 1) {
      if (isBotMessage(activities[j]!)) expected.push({ index: j, activity: activities[j]! });
    }
    const problems: string[] = [];
    for (let k = 0; k < Math.max(expected.length, actual.length); k += 1) {
      const exp = expected[k];
      const act = actual[k];
      const label = exp ? `activity #${exp.index} (bot reply ${k + 1} to ${describeUser(activity, i)})` : `bot reply ${k + 1} to ${describeUser(activity, i)}`;
      if (!exp) problems.push(`${where}: ${label} is extra: the transcript has ${expected.length} replies here`, `    + actual:   ${JSON.stringify(act?.text ?? '')}`);
      else if (!act) problems.push(`${where}: ${label} is missing: the bot sent ${actual.length} replies`, `    - expected: ${JSON.stringify(exp.activity.text ?? '')}`);
      else {
        const diff = compareReply(toComparable(exp.activity), toComparable(act));
        if (diff.length > 0) problems.push(`${where}: ${label} differs:`, ...diff);
      }
    }
    if (problems.length > 0) {
      return { ok: false, turns, report: [...problems, '(replay stopped at the first differing turn; re-record with npm run transcript if the change is intended)'].join('\n') };
    }
  }
  return { ok: true, turns, report: '' };
}
