/**
 * `npm run transcript -- --from-chat [--lang vi|fr|en] [--dialog ID] [--out FILE]`: records a
 * terminal-chat session read from stdin (one line per message, as for `npm run chat`) as a
 * Bot Framework Emulator transcript (JSON array of activities). The conversation is printed
 * on stderr; the transcript goes to FILE (or stdout).
 * `npm run transcript -- FILE...`: replays transcripts against the bot and prints the differences.
 * `npm run transcript -- --update [FILE...] [--dry-run]`: re-records transcripts (default: every
 * test/transcripts/*.transcript) from their recorded inputs against the current content, prints
 * a readable diff of the bot's messages, and writes them (not with --dry-run).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { createLocalBot, loadLocalContent, readLanguageNames, type LoadedContent } from '../chat/local-bot';
import { parseChatArgs, type ChatArgs } from '../chat/parse-args';
import { createTranscriptRecorder } from '../chat/record-transcript';
import { replayTranscript } from '../chat/replay-transcript';
import { rerecordTranscript } from '../chat/rerecord-transcript';
import { runTerminalChat } from '../chat/run-terminal';
import { formatTranscript, readTranscript } from '../chat/transcript-file';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';

const USAGE = [
  'usage: npm run transcript -- --from-chat [--lang vi|fr|en] [--dialog ID] [--out FILE] < lines.txt',
  '       npm run transcript -- FILE.transcript...   (replay and compare)',
  '       npm run transcript -- --update [FILE.transcript...] [--dry-run]   (re-record from the recorded inputs; default: test/transcripts/)',
].join('\n');

async function record(args: ChatArgs, content: LoadedContent): Promise<void> {
  const bot = createLocalBot(content, { ...(args.dialog ? { dialog: args.dialog } : {}), defaultLang: args.lang });
  const recorder = createTranscriptRecorder();
  await runTerminalChat({
    bot,
    lang: args.lang,
    languageNames: readLanguageNames(content.system),
    onActivity: recorder.record,
    input: process.stdin,
    output: process.stderr as Writable,
    interactive: false,
  });
  await bot.close();
  const text = formatTranscript(recorder.activities());
  if (args.out) {
    writeFileSync(args.out, text);
    process.stderr.write(`wrote ${recorder.activities().length} activities to ${args.out}\n`);
  } else process.stdout.write(text);
}

async function replay(files: string[], content: LoadedContent): Promise<boolean> {
  let ok = true;
  for (const file of files) {
    const bot = createLocalBot(content);
    const result = await replayTranscript(readTranscript(file), bot, file);
    await bot.close();
    process.stdout.write(result.ok ? `ok    ${file} (${result.turns} turns)\n` : `FAIL  ${file}\n${result.report}\n`);
    ok &&= result.ok;
  }
  return ok;
}

/** Transcripts the tests replay. */
const TEST_TRANSCRIPTS = 'test/transcripts';

async function update(files: string[], content: LoadedContent, dryRun: boolean): Promise<void> {
  const chosen = files.length ? files : readdirSync(TEST_TRANSCRIPTS).filter((f) => f.endsWith('.transcript')).sort().map((f) => join(TEST_TRANSCRIPTS, f));
  let changed = 0;
  for (const file of chosen) {
    const bot = createLocalBot(content);
    const result = await rerecordTranscript(readTranscript(file), bot, file);
    await bot.close();
    if (result.changedTurns === 0) {
      process.stdout.write(`same  ${file}\n`);
      continue;
    }
    changed += 1;
    process.stdout.write(`${dryRun ? 'would update' : 'updated'}  ${file} (${result.changedTurns} turn(s) changed)\n${result.diff}\n\n`);
    if (!dryRun) writeFileSync(file, formatTranscript(result.activities));
  }
  process.stdout.write(changed === 0
    ? 'Every transcript matches the current content.\n'
    : dryRun ? `${changed} transcript(s) would change: run again without --dry-run to accept.\n`
      : `${changed} transcript(s) re-recorded: review the lines above (or git diff ${TEST_TRANSCRIPTS}), undo with git checkout ${TEST_TRANSCRIPTS}.\n`);
}

async function main(): Promise<void> {
  exitOnClosedOutput(process.stdout);
  const args = parseChatArgs(process.argv.slice(2));
  const files = args.files;
  if (args.update) {
    await update(files, loadLocalContent(resolve(args.content)), args.dryRun);
    return;
  }
  if (args.help || (!args.fromChat && files.length === 0)) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const content = loadLocalContent(resolve(args.content));
  if (args.fromChat) await record(args, content);
  else if (!(await replay(files, content))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`transcript: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(1);
});
