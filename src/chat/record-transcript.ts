/** Records a chat session as an Emulator transcript (the user's and the bot's activities, in order). */
import type { InboundActivity, OutboundActivity } from '../channel/types';
import type { Direction } from './chat-session';
import { toTranscriptActivity, type TranscriptActivity } from './transcript-file';

export interface TranscriptRecorder {
  /** Pass as `onActivity` of the chat session. */
  record(activity: InboundActivity | OutboundActivity, direction: Direction): void;
  activities(): TranscriptActivity[];
}

/** Creates an empty recorder. */
export function createTranscriptRecorder(): TranscriptRecorder {
  const recorded: TranscriptActivity[] = [];
  return {
    record: (activity) => void recorded.push(toTranscriptActivity(activity)),
    activities: () => [...recorded],
  };
}
