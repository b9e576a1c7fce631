/**
 * `npm run chat -- [--lang vi|fr|en] [--dialog ID] [--content DIR]`: talk to the real bot
 * (same content, NLU, scanner and engine, memory storage) in the terminal. Works piped:
 * `printf '3\nmenu\n' | npm run chat --silent -- --lang en`.
 */
import { resolve } from 'node:path';
import { CHAT_HELP } from '../chat/chat-session';
import { createLocalBot, loadLocalContent, readLanguageNames } from '../chat/local-bot';
import { parseChatArgs } from '../chat/parse-args';
import { runTerminalChat } from '../chat/run-terminal';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';

const USAGE = 'usage: npm run chat -- [--lang vi|fr|en] [--dialog ID] [--content DIR]';

async function main(): Promise<void> {
  exitOnClosedOutput(process.stdout);
  const args = parseChatArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n${CHAT_HELP.join('\n')}\n`);
    return;
  }
  const content = loadLocalContent(resolve(args.content));
  const bot = createLocalBot(content, { ...(args.dialog ? { dialog: args.dialog } : {}), defaultLang: args.lang });
  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) process.stdout.write(`ThinkFirst terminal chat (${args.lang}${args.dialog ? `, dialog ${args.dialog}` : ''}). /help lists the commands.\n`);
  await runTerminalChat({
    bot,
    lang: args.lang,
    languageNames: readLanguageNames(content.system),
    input: process.stdin,
    output: process.stdout,
    interactive,
  });
  await bot.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(1);
});
