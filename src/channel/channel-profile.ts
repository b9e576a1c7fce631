/**
 * What each channel (and each client of a channel) can show, as data: how choices appear
 * (suggested-action buttons, Adaptive Card buttons or a numbered list), how many buttons fit, how long
 * a button title and a message may be, and how text is marked up so that every line break stays
 * a line break. Each limit names the platform documentation it comes from.
 */

/** How the choices of a step are shown. */
export type ChoiceStyle =
  /** Suggested actions (quick replies) under the last message; tapped buttons disappear. */
  | 'suggested-actions'
  /**
   * Action.Submit buttons (`data: { choice: id }`) on Adaptive Cards attached to the last message:
   * Teams-style clients show no suggested actions, and the Playground runs no imBack/messageBack card action.
   */
  | 'adaptive-card'
  /** "1. …" one choice per line, and the user types the number. */
  | 'numbered-list';

/**
 * How message text is marked up:
 * - `plain`: sent as is (`textFormat: plain`), single newlines kept by the client;
 * - `markdown`: Markdown characters escaped, each newline a Markdown hard line break;
 * - `xml`: HTML-escaped, each newline a `<br>`.
 */
export type TextMarkup = 'plain' | 'markdown' | 'xml';

/** The rendering rules of one channel or client. */
export interface ChannelProfile {
  /** Profile name (a channel id, or a client such as `m365-playground-emulator`). */
  name: string;
  choiceStyle: ChoiceStyle;
  /**
   * Button type: `messageBack` carries `{ choice: id }` (on Adaptive Cards: Action.Submit with that data);
   * `imBack` sends the label text back.
   */
  buttonType: 'messageBack' | 'imBack';
  /**
   * Most buttons shown at once: more choices than this become a numbered list (suggested actions)
   * or further cards (Adaptive Cards), so no choice is ever dropped by the client.
   */
  maxButtons: number;
  /** Longest button title a user sees (longer labels are cut with an ellipsis; the value stays whole). */
  maxButtonTitle: number;
  /** Longest text of one message (UTF-16 units); longer texts are split on paragraphs, sentences, words. */
  maxLength: number;
  markup: TextMarkup;
  /** Where the limits come from. */
  sources: readonly string[];
}

type ProfileRules = Omit<ChannelProfile, 'name'>;

const SOURCES = {
  teamsCards: 'https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference (Adaptive Cards in bots, version 1.5 or earlier; card buttons: maximum six; extra buttons are not shown)',
  teamsActions: 'https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions#adaptive-cards-actions (Action.Submit sends its data to the bot; suggested actions are not supported on Teams cards: use a card)',
  teamsSuggested: 'https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/suggested-actions (imBack only; Teams displays only the first three suggested actions)',
  teamsFormat: 'https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages (textFormat plain, markdown or xml; a subset of HTML; message size 100 KB)',
  playground: '@microsoft/m365agentsplayground 0.2.28, tried in emulator and msteams modes: no suggested actions shown, card imBack/messageBack "not supported yet", Adaptive Card Action.Submit works, cards show six buttons, plain single newlines collapse',
  webChatMarkdown: 'https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-create-messages (textFormat markdown); Web Chat renders Markdown with CommonMark hard line breaks',
  connectorSuggested: 'https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-add-suggested-actions (suggested actions disappear once tapped)',
  messengerQuickReplies: 'https://developers.facebook.com/docs/messenger-platform/send-messages/quick-replies/ (up to 13 quick replies; titles truncated after 20 characters)',
  messengerText: 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/ (text: 2,000 character limit); https://developers.facebook.com/docs/marketing-messages-on-messenger/api-reference/text (640 characters: readable on a phone)',
  telegramText: 'https://core.telegram.org/bots/api#sendmessage (text: 1-4096 characters after entities parsing; parse_mode optional, so plain text needs no escaping)',
  lineText: 'https://developers.line.biz/en/reference/messaging-api/#text-message (max 5,000 characters)',
  lineQuickReply: 'https://developers.line.biz/en/docs/messaging-api/using-quick-reply/ (up to 13 quick reply buttons); https://developers.line.biz/en/reference/messaging-api/#quick-reply (action label: max 20 characters)',
  twilioSms: 'https://www.twilio.com/docs/api/errors/21617 (message body: 1,600 characters)',
} as const;

/** Button titles longer than this are cut on channels that document no limit (fits a phone row). */
const DEFAULT_TITLE = 20;
/** Text length where a channel documents none, or a larger one than a person reads in one bubble. */
const DEFAULT_MAX_LENGTH = 4_000;

/** Microsoft clients that render Markdown (Web Chat and its hosts). */
const WEB_CHAT: ProfileRules = {
  choiceStyle: 'suggested-actions', buttonType: 'messageBack', maxButtons: 13, maxButtonTitle: DEFAULT_TITLE,
  maxLength: DEFAULT_MAX_LENGTH, markup: 'markdown', sources: [SOURCES.webChatMarkdown, SOURCES.connectorSuggested],
};

/** Teams and the Teams-style chat of the Microsoft 365 Agents Playground. */
const TEAMS_STYLE: ProfileRules = {
  choiceStyle: 'adaptive-card', buttonType: 'messageBack', maxButtons: 6, maxButtonTitle: DEFAULT_TITLE,
  maxLength: DEFAULT_MAX_LENGTH, markup: 'xml', sources: [SOURCES.teamsCards, SOURCES.teamsActions, SOURCES.teamsSuggested, SOURCES.teamsFormat, SOURCES.playground],
};

/** The rules of every known channel or client; anything else gets {@link FALLBACK}. */
export const CHANNEL_PROFILES: Readonly<Record<string, ProfileRules>> = {
  msteams: TEAMS_STYLE,
  /** The Playground's `-c emulator` mode: Teams-style UI under the emulator channel id (see {@link profileForActivity}). */
  'm365-playground-emulator': TEAMS_STYLE,
  /** Azure Web Chat, and the Playground's `-c webchat` mode (which ignores `textFormat: plain`). */
  webchat: WEB_CHAT,
  /**
   * The Bot Framework Emulator and `npm run chat` (Web Chat inside; the terminal prints text as is):
   * plain text keeps its line breaks there, and transcripts stay comparable.
   */
  emulator: { ...WEB_CHAT, markup: 'plain' },
  /** Direct Line clients, including the local /chat page (Web Chat, plain text keeps its line breaks). */
  directline: { ...WEB_CHAT, markup: 'plain' },
  /** The staff preview (/preview): Web Chat over the bot's own Direct Line. */
  preview: { ...WEB_CHAT, markup: 'plain' },
  /** botbuilder-testing's TestAdapter and in-process tests. */
  test: { ...WEB_CHAT, markup: 'plain' },
  facebook: {
    choiceStyle: 'suggested-actions', buttonType: 'imBack', maxButtons: 13, maxButtonTitle: 20,
    maxLength: 640, markup: 'plain', sources: [SOURCES.messengerQuickReplies, SOURCES.messengerText],
  },
  telegram: {
    choiceStyle: 'suggested-actions', buttonType: 'imBack', maxButtons: 13, maxButtonTitle: DEFAULT_TITLE,
    maxLength: 4_096, markup: 'plain', sources: [SOURCES.telegramText],
  },
  line: {
    choiceStyle: 'suggested-actions', buttonType: 'imBack', maxButtons: 13, maxButtonTitle: 20,
    maxLength: 5_000, markup: 'plain', sources: [SOURCES.lineText, SOURCES.lineQuickReply],
  },
  sms: {
    choiceStyle: 'numbered-list', buttonType: 'imBack', maxButtons: 0, maxButtonTitle: DEFAULT_TITLE,
    maxLength: 1_600, markup: 'plain', sources: [SOURCES.twilioSms],
  },
};

/** Unknown channels: a plain numbered list, one choice per line, and real line breaks. */
export const FALLBACK: ProfileRules = {
  choiceStyle: 'numbered-list', buttonType: 'imBack', maxButtons: 0, maxButtonTitle: DEFAULT_TITLE,
  maxLength: DEFAULT_MAX_LENGTH, markup: 'plain', sources: [],
};

/** Returns the profile of `channelId` (unknown channels: {@link FALLBACK}). */
export function getChannelProfile(channelId: string | undefined): ChannelProfile {
  const name = (channelId ?? '').toLowerCase();
  const rules = Object.hasOwn(CHANNEL_PROFILES, name) ? CHANNEL_PROFILES[name]! : FALLBACK;
  return { name: Object.hasOwn(CHANNEL_PROFILES, name) ? name : 'fallback', ...rules };
}

/** The fields of an incoming activity that tell which client sent it. */
export interface ClientHints {
  channelId?: string | undefined;
  conversation?: { tenantId?: string | undefined } | undefined;
  channelData?: unknown;
}

/**
 * The profile for the client that sent `activity`. The Microsoft 365 Agents Playground in
 * emulator mode says `emulator` but is a Teams-style client: it adds a Teams tenant (which the
 * Bot Framework Emulator never sends) and shows neither suggested actions nor plain line breaks.
 */
export function profileForActivity(activity: ClientHints): ChannelProfile {
  const channel = (activity.channelId ?? '').toLowerCase();
  if (channel === 'emulator' && hasTeamsTenant(activity)) return getChannelProfile('m365-playground-emulator');
  return getChannelProfile(channel);
}

function hasTeamsTenant(activity: ClientHints): boolean {
  if (typeof activity.conversation?.tenantId === 'string' && activity.conversation.tenantId !== '') return true;
  const data = activity.channelData;
  if (!data || typeof data !== 'object' || !('tenant' in data)) return false;
  const tenant = (data as { tenant: unknown }).tenant;
  return Boolean(tenant && typeof tenant === 'object' && typeof (tenant as { id?: unknown }).id === 'string');
}
