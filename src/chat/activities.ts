/**
 * The activities a tester's conversation is made of, shaped the way the Bot Framework
 * Emulator sends and saves them (channel `emulator`, so choices come back as buttons).
 */
import { randomUUID } from 'node:crypto';
import type { InboundActivity, OutboundActivity } from '../channel/types';
import type { Lang } from '../kernel/lang';

/** Channel of the terminal chat and of recorded transcripts. */
export const CHAT_CHANNEL = 'emulator';
/** The Emulator's placeholder service URL (never called: replies are returned in-process). */
export const CHAT_SERVICE_URL = 'http://localhost';

export interface Account {
  id: string;
  name: string;
  role: 'user' | 'bot';
}

/** Who talks in one conversation. */
export interface ConversationParties {
  conversationId: string;
  user: Account;
  bot: Account;
}

/** The payload of a tapped button: the label the user sees and the choice id the bot reads. */
export interface ButtonTap {
  label: string;
  value: unknown;
}

/** A new conversation with a fresh id, the user and the bot as the Emulator names them. */
export function createParties(): ConversationParties {
  return {
    conversationId: randomUUID(),
    user: { id: `user-${randomUUID().slice(0, 8)}`, name: 'User', role: 'user' },
    bot: { id: 'thinkfirst', name: 'ThinkFirst', role: 'bot' },
  };
}

/** The locale a client in `lang` sends, as the Emulator and Web Chat write it. */
export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', fr: 'fr-FR', en: 'en-US' };

function baseActivity(parties: ConversationParties, type: string, locale: string): InboundActivity {
  return {
    type,
    id: randomUUID(),
    timestamp: new Date(),
    channelId: CHAT_CHANNEL,
    serviceUrl: CHAT_SERVICE_URL,
    locale,
    from: { ...parties.user },
    recipient: { ...parties.bot },
    conversation: { id: parties.conversationId } as InboundActivity['conversation'],
  };
}

/** The conversationUpdate announcing that the user joined (the bot answers with its welcome). */
export function buildJoinActivity(parties: ConversationParties, locale: string): InboundActivity {
  return { ...baseActivity(parties, 'conversationUpdate', locale), membersAdded: [{ ...parties.user }] };
}

/** A message typed by the user, or a tapped button (text = label, value = payload). */
export function buildUserMessage(parties: ConversationParties, locale: string, text: string, tap?: ButtonTap): InboundActivity {
  const activity: InboundActivity = { ...baseActivity(parties, 'message', locale), text: tap ? tap.label : text };
  if (tap) activity.value = tap.value;
  return activity;
}

/** A reply as the Emulator saves it: addressed from the bot to the user, with id and timestamp. */
export function completeBotReply(parties: ConversationParties, reply: OutboundActivity, replyToId: string | undefined): OutboundActivity {
  return {
    ...reply,
    id: randomUUID(),
    timestamp: new Date(),
    channelId: CHAT_CHANNEL,
    serviceUrl: CHAT_SERVICE_URL,
    from: { ...parties.bot },
    recipient: { ...parties.user },
    conversation: { id: parties.conversationId } as InboundActivity['conversation'],
    ...(replyToId ? { replyToId } : {}),
  };
}

/** The buttons of a reply as taps (label = full text the user sees). */
export function readButtons(reply: OutboundActivity): ButtonTap[] {
  return (reply.suggestedActions?.actions ?? []).map((action) => ({
    label: String(action.displayText ?? action.text ?? action.title ?? ''),
    value: action.value,
  }));
}
