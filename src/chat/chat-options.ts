/** The command-line options `npm run chat` and `npm run transcript` share. */
import { LANGS, type Lang } from '../kernel/lang';
import { readChoice } from '../util/read-args';

/** Options of the local bot, as `parseArgs` declares them. */
export const CHAT_OPTIONS = {
  lang: { type: 'string', default: 'en' },
  dialog: { type: 'string' },
  content: { type: 'string', default: '.' },
} as const;

/** The bot a command talks to: language, optional first dialog, project folder. */
export interface ChatTarget {
  lang: Lang;
  dialog?: string;
  /** Project folder holding dialogs/ and locales/. */
  content: string;
}

/**
 * The chat options of parsed `values`.
 * @throws UsageError when `--lang` is not one of vi, fr, en.
 */
export function readChatTarget(command: string, values: { lang: string; dialog?: string; content: string }): ChatTarget {
  return { lang: readChoice(command, '--lang', values.lang, LANGS), ...(values.dialog ? { dialog: values.dialog } : {}), content: values.content };
}
