/**
 * `.transcript` files as the Bot Framework Emulator saves them: a JSON array of activities.
 * Reading checks the shape and says which activity is wrong; writing produces the same shape.
 */
import { readFileSync } from 'node:fs';
import type { InboundActivity, OutboundActivity } from '../channel/types';

/** One activity of a transcript (only the fields the replay reads are typed). */
export interface TranscriptActivity {
  type: string;
  id?: string;
  timestamp?: string;
  channelId?: string;
  serviceUrl?: string;
  locale?: string;
  text?: string;
  value?: unknown;
  from?: { id: string; name?: string; role?: string };
  recipient?: { id: string; name?: string; role?: string };
  conversation?: { id: string };
  membersAdded?: { id: string; name?: string }[];
  suggestedActions?: { actions?: { type?: string; title?: string; value?: unknown; text?: string; displayText?: string }[] };
  [field: string]: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses the text of a transcript.
 * @param where file name for messages.
 * @throws naming the file and the index of the first activity that is not an object with a `type`.
 */
export function parseTranscript(text: string, where: string): TranscriptActivity[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message}); a transcript is a JSON array of activities, as the Emulator saves it`);
  }
  if (!Array.isArray(data)) throw new Error(`${where}: expected a JSON array of activities, found ${typeof data}`);
  data.forEach((activity, index) => {
    if (!isObject(activity) || typeof activity.type !== 'string') throw new Error(`${where}: activity #${index} has no 'type'; every item must be an activity object`);
    if (activity.from !== undefined && (!isObject(activity.from) || typeof activity.from.id !== 'string')) {
      throw new Error(`${where}: activity #${index} has a 'from' without an 'id'`);
    }
  });
  return data as TranscriptActivity[];
}

/** Reads and parses a `.transcript` file. */
export function readTranscript(path: string): TranscriptActivity[] {
  return parseTranscript(readFileSync(path, 'utf8'), path);
}

/** Plain JSON of an activity (dates as ISO strings), the way the Emulator writes it. */
export function toTranscriptActivity(activity: InboundActivity | OutboundActivity): TranscriptActivity {
  return JSON.parse(JSON.stringify(activity)) as TranscriptActivity;
}

/** The text of a `.transcript` file: a pretty-printed JSON array. */
export function formatTranscript(activities: TranscriptActivity[]): string {
  return `${JSON.stringify(activities, null, 2)}\n`;
}
