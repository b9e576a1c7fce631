/**
 * The terminal chat's logic, free of any terminal: one conversation with the in-process bot,
 * choices shown as numbered options, a number taps the matching button, other text is sent
 * as typed, and the tester's commands (/debug, /lang, /restart, /quit, /help).
 */
import type { InboundActivity, OutboundActivity } from '../channel/types';
import { LANGS, type Lang } from '../kernel/lang';
import {
  buildJoinActivity, buildUserMessage, completeBotReply, createParties, localeOf, readButtons,
  type ButtonTap, type ConversationParties,
} from './activities';
import type { LocalBot } from './local-bot';

/** Which side an activity of the conversation came from. */
export type Direction = 'user' | 'bot';

export interface ChatSessionOptions {
  bot: LocalBot;
  /** Language the conversation starts in (the locale of the user's activities). */
  lang: Lang;
  /** Each language's own name (`system:language_names`): `/lang fr` sends "Français". */
  languageNames: Record<Lang, string>;
  /** Told about every activity exchanged, in order (the transcript recorder listens here). */
  onActivity?: (activity: InboundActivity | OutboundActivity, direction: Direction) => void;
}

/** What the terminal prints after one line, and whether to stop. */
export interface ChatStep {
  lines: string[];
  quit: boolean;
}

export interface ChatSession {
  /** Opens the conversation (the user joins; the bot greets). */
  start(): Promise<string[]>;
  /** Handles one line typed by the tester. */
  handleLine(line: string): Promise<ChatStep>;
}

/** Help printed by `/help` and on an unknown command. */
export const CHAT_HELP = [
  'Type a message, or the number of an option. Commands:',
  '  /debug      show or hide the detected intent, score and language',
  '  /lang xx    switch language (vi, fr or en): sends its name to the bot, as a user would',
  '  /restart    start a new conversation',
  '  /quit       leave (end of input does the same)',
];

const BOT = 'bot> ';
const INDENT = ' '.repeat(BOT.length);

/** One bot reply as terminal lines: its text, then its buttons numbered from 1. */
export function formatReply(reply: OutboundActivity): string[] {
  const lines = (reply.text ?? '').split('\n').map((line, i) => `${i === 0 ? BOT : INDENT}${line}`);
  readButtons(reply).forEach((tap, i) => lines.push(`${INDENT}${i + 1}) ${tap.label}`));
  return lines;
}

/** Creates a chat session; call `start()` first. */
export function createChatSession(options: ChatSessionOptions): ChatSession {
  const { bot } = options;
  let parties: ConversationParties = createParties();
  let lang: Lang = options.lang;
  let buttons: ButtonTap[] = [];
  let debug = false;

  /** Sends one activity and returns the printed replies; remembers the last buttons. */
  async function exchange(activity: InboundActivity): Promise<string[]> {
    options.onActivity?.(activity, 'user');
    const replies = await bot.send(activity);
    lang = bot.lang();
    const lines: string[] = [];
    buttons = [];
    for (const reply of replies) {
      const complete = completeBotReply(parties, reply, activity.id);
      options.onActivity?.(complete, 'bot');
      lines.push(...formatReply(complete));
      if (complete.suggestedActions) buttons = readButtons(complete);
    }
    return lines;
  }

  function describeRecognition(text: string): string {
    const r = bot.runtime.recogniser.recognise(text, lang);
    const answer = r.answer ? ` answer=${r.answer}` : '';
    return `  [debug] intent=${r.intent} score=${r.score.toFixed(2)} lang=${r.lang}${r.langConfident ? '' : ' (unsure: keeps ' + lang + ')'}${answer}`;
  }

  async function sendText(text: string): Promise<string[]> {
    const number = /^\d+$/.test(text) ? Number(text) : 0;
    const tap = number >= 1 ? buttons[number - 1] : undefined;
    const locale = localeOf(lang);
    const info: string[] = [];
    if (debug) info.push(tap ? `  [debug] button ${number}: ${JSON.stringify(tap.value)}` : describeRecognition(text));
    return [...info, ...(await exchange(buildUserMessage(parties, locale, text, tap)))];
  }

  async function runCommand(command: string, arg: string): Promise<ChatStep> {
    switch (command) {
      case '/quit':
      case '/exit':
        return { lines: [], quit: true };
      case '/debug':
        debug = !debug;
        return { lines: [`  [debug ${debug ? 'on' : 'off'}]`], quit: false };
      case '/restart':
        parties = { ...createParties(), user: parties.user };
        return { lines: ['  [new conversation]', ...(await start())], quit: false };
      case '/lang': {
        if (!(LANGS as readonly string[]).includes(arg)) return { lines: [`  /lang needs one of: ${LANGS.join(', ')} (got '${arg}')`], quit: false };
        lang = arg as Lang;
        return { lines: await sendText(options.languageNames[lang]), quit: false };
      }
      default:
        return { lines: CHAT_HELP.map((line) => `  ${line}`), quit: false };
    }
  }

  async function start(): Promise<string[]> {
    buttons = [];
    return exchange(buildJoinActivity(parties, localeOf(lang)));
  }

  return {
    start,
    async handleLine(line) {
      const text = line.trim();
      if (text === '') return { lines: [], quit: false };
      const command = /^\/([a-z]+)(?:\s+(\S+))?\s*$/i.exec(text);
      if (command) return runCommand(`/${command[1]!.toLowerCase()}`, (command[2] ?? '').toLowerCase());
      return { lines: await sendText(text), quit: false };
    },
  };
}
