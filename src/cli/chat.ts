/**
 * `npm run chat -- [--lang vi|fr|en] [--dialog ID] [--content DIR]`: talk to the real bot
 * (same content, NLU, scanner and engine, memory storage) in the terminal. Works piped:
 * `printf '3\nmenu\n' | npm run chat --silent -- --lang en`.
 */
import { resolve } from 'node:path';
import { CHAT_OPTIONS, readChatTarget } from '../chat/chat-options';
import { CHAT_HELP } from '../chat/chat-session';
import { createLocalBot, loadLocalContent, readLanguageNames } from '../chat/local-bot';
import { runTerminalChat } from '../chat/run-terminal';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs } from '../util/read-args';

const USAGE = `usage: npm run chat -- [--lang vi|fr|en] [--dialog ID] [--content DIR]\n${CHAT_HELP.join('\n')}`;

/** Talks to the bot, one line of stdin per message, until /quit or the end of the input. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('chat', USAGE, argv, io, async () => {
    const { values } = readArgs('chat', { options: CHAT_OPTIONS }, argv);
    const target = readChatTarget('chat', values);
    const content = loadLocalContent(resolve(target.content));
    const bot = createLocalBot(content, { ...(target.dialog ? { dialog: target.dialog } : {}), defaultLang: target.lang });
    const interactive = Boolean(io.stdin.isTTY);
    if (interactive) io.stdout.write(`ThinkFirst terminal chat (${target.lang}${target.dialog ? `, dialog ${target.dialog}` : ''}). /help lists the commands.\n`);
    try {
      await runTerminalChat({ bot, lang: target.lang, languageNames: readLanguageNames(content.system), input: io.stdin, output: io.stdout, interactive });
    } finally {
      await bot.close();
    }
    return 0;
  });
}

runIfMain(import.meta.url, run);
