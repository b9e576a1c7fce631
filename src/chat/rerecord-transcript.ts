/**
 * Re-records a transcript from its own inputs: the user's activities are sent again, in
 * order, to the current content, and the bot's messages are replaced by today's replies.
 * The result comes with a readable diff (per turn: what the user said, then `-` old and
 * `+` new bot texts and buttons), so a content change can be accepted without editing JSON.
 */
import type { InboundActivity } from '../channel/types';
import type { LocalBot } from './local-bot';
import { isBotMessage, isUserActivity, toInbound } from './replay-transcript';
import { toTranscriptActivity, type TranscriptActivity } from './transcript-file';

/** Result of {@link rerecordTranscript}. */
export interface Rerecorded {
  activities: TranscriptActivity[];
  /** Turns whose bot messages changed. */
  changedTurns: number;
  /** Readable diff, empty when nothing changed. */
  diff: string;
}

/** One bot message as a reader sees it: its text, then its buttons. */
function describe(activity: TranscriptActivity): string[] {
  const buttons = (activity.suggestedActions?.actions ?? []).map((a) => `[${String(a.title ?? '')}]`);
  const text = String(activity.text ?? '').split('\n');
  return buttons.length ? [...text, buttons.join(' ')] : text;
}

/** A bot reply completed with the parties of the user activity it answers, as the recorder writes it. */
function asRecorded(reply: InboundActivity | Record<string, unknown>, user: TranscriptActivity, index: number, k: number): TranscriptActivity {
  return toTranscriptActivity({
    ...(reply as InboundActivity),
    id: `${user.id ?? `turn-${index}`}-reply-${k + 1}`,
    timestamp: user.timestamp,
    channelId: user.channelId ?? 'emulator',
    serviceUrl: user.serviceUrl ?? 'http://localhost',
    from: { ...(user.recipient ?? { id: 'thinkfirst', name: 'ThinkFirst' }), role: 'bot' },
    recipient: { ...(user.from ?? { id: 'user', name: 'User' }), role: 'user' },
    conversation: user.conversation,
    ...(user.id ? { replyToId: user.id } : {}),
  } as InboundActivity);
}

/** Re-records `activities` against `bot`; `where` names the file in the diff. */
export async function rerecordTranscript(activities: TranscriptActivity[], bot: LocalBot, where: string): Promise<Rerecorded> {
  const out: TranscriptActivity[] = [];
  const diff: string[] = [];
  let changedTurns = 0;
  for (let i = 0; i < activities.length; i += 1) {
    const activity = activities[i]!;
    if (!isUserActivity(activity)) {
      if (!isBotMessage(activity) && activity.type !== 'message') out.push(activity);
      continue;
    }
    out.push(activity);
    const old: TranscriptActivity[] = [];
    for (let j = i + 1; j < activities.length && !isUserActivity(activities[j]!); j += 1) if (isBotMessage(activities[j]!)) old.push(activities[j]!);
    const replies = (await bot.send(toInbound(activity, i))).filter((r) => r.type === 'message').map((r, k) => asRecorded(r, activity, i, k));
    out.push(...replies);
    const before = old.flatMap(describe);
    const after = replies.flatMap(describe);
    if (before.join('\n') !== after.join('\n')) {
      changedTurns += 1;
      const said = activity.type === 'conversationUpdate' ? 'the conversation start' : `the user: ${JSON.stringify(activity.text ?? '')}`;
      diff.push(`${where}, after ${said}:`, ...before.filter((l) => !after.includes(l)).map((l) => `  - ${l}`), ...after.filter((l) => !before.includes(l)).map((l) => `  + ${l}`));
    }
  }
  return { activities: out, changedTurns, diff: diff.join('\n') };
}
