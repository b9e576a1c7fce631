/**
 * A client's posted activity -> the activity the bot receives. The client chooses only the
 * type, text, button value and locale: the channel, conversation, sender (the conversation's
 * user, whatever `from` says) and recipient are set here, then the platform's own
 * sanitiser keeps only well-typed fields.
 */
import { sanitiseActivity } from '../sanitise-activity';
import type { DirectLineConversation } from './conversation-store';

/** Channel id of the local Direct Line: a channel with suggested-action buttons. */
export const DIRECT_LINE_CHANNEL = 'directline';
/** The bot as the local Direct Line names it. */
export const DIRECT_LINE_BOT = { id: 'thinkfirst', name: 'ThinkFirst', role: 'bot' } as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const CLIENT_FIELDS = ['type', 'text', 'value', 'locale', 'textFormat', 'name'] as const;

/** The user of `conversation`, as the sender of its activities. */
export function describeUser(conversation: DirectLineConversation): { id: string; name: string; role: 'user' } {
  return { id: conversation.userId, name: 'User', role: 'user' };
}

/** Keeps Web Chat's `clientActivityID` / `clientTimestamp` (it matches its echo by them). */
function pickChannelData(body: Record<string, unknown>): Record<string, string> | undefined {
  if (!isObject(body.channelData)) return undefined;
  const kept: Record<string, string> = {};
  for (const key of ['clientActivityID', 'clientTimestamp'] as const) {
    const value = body.channelData[key];
    if (typeof value === 'string' && value.length <= 128) kept[key] = value;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * Builds the inbound activity of a POST body.
 * @returns undefined when the body is not an activity the bot can take (the route answers 400).
 */
export function readClientActivity(
  body: unknown,
  conversation: DirectLineConversation,
  serviceUrl: string,
  channelId: string = DIRECT_LINE_CHANNEL,
): Record<string, unknown> | undefined {
  if (!isObject(body) || typeof body.type !== 'string' || body.type.length > 64) return undefined;
  const candidate: Record<string, unknown> = {
    channelId,
    serviceUrl,
    conversation: { id: conversation.id },
    from: describeUser(conversation),
    recipient: { ...DIRECT_LINE_BOT },
  };
  for (const field of CLIENT_FIELDS) if (body[field] !== undefined) candidate[field] = body[field];
  if (candidate.locale === undefined && conversation.locale) candidate.locale = conversation.locale;
  const channelData = pickChannelData(body);
  if (channelData) candidate.channelData = channelData;
  const checked = sanitiseActivity(candidate);
  return checked.ok ? checked.activity : undefined;
}
