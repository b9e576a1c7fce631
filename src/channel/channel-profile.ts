/** What each channel can show: buttons or a numbered list, and how long one message may be. */

export interface ChannelProfile {
  /** Choices as suggested-action buttons (true) or as a numbered text list (false). */
  suggestedActions: boolean;
  /** Button type: `messageBack` carries `{ choice: id }`; `imBack` only the label text. */
  buttonType: 'messageBack' | 'imBack';
  /** Longest text of one message; longer texts are split. */
  maxLength: number;
}

const BUTTON_CHANNELS = new Set(['emulator', 'webchat', 'directline', 'test', 'telegram', 'facebook']);
/** Channels that only send back the text of a tapped button. */
const TEXT_BUTTON_CHANNELS = new Set(['telegram', 'facebook']);
const SHORT_MESSAGE_CHANNELS: Record<string, number> = { facebook: 640, telegram: 640, line: 640, kik: 640, sms: 300 };
const DEFAULT_MAX_LENGTH = 4_000;

/** Longest button title a user sees (longer labels are cut with an ellipsis). */
export const MAX_BUTTON_TITLE = 20;

/** Returns the profile of `channelId` (unknown channels: numbered list, 4000 characters). */
export function getChannelProfile(channelId: string | undefined): ChannelProfile {
  const id = (channelId ?? '').toLowerCase();
  return {
    suggestedActions: BUTTON_CHANNELS.has(id),
    buttonType: TEXT_BUTTON_CHANNELS.has(id) ? 'imBack' : 'messageBack',
    maxLength: SHORT_MESSAGE_CHANNELS[id] ?? DEFAULT_MAX_LENGTH,
  };
}
