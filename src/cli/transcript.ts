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
import { CHAT_OPTIONS, readChatTarget, type ChatTarget } from '../chat/chat-options';
import { createLocalBot, loadLocalContent, readLanguageNames, type LoadedContent } from '../chat/local-bot';
import { createTranscriptRecorder } from '../chat/record-transcript';
import { replayTranscript } from '../chat/replay-transcript';
import { rerecordTranscript } from '../chat/rerecord-transcript';
import { runTerminalChat } from '../chat/run-terminal';
import { formatTranscript, readTranscript } from '../chat/transcript-file';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs, UsageError } from '../util/read-args';

const USAGE = [
  'usage: npm run transcript -- --from-chat [--lang vi|fr|en] [--dialog ID] [--out FILE] < lines.txt',
  '       npm run transcript -- FILE.transcript...   (replay and compare)',
  '       npm run transcript -- --update [FILE.transcript...] [--dry-run]   (re-record from the recorded inputs; default: test/transcripts/)',
].join('\n');

/** Transcripts the tests replay. */
const TEST_TRANSCRIPTS = 'test/transcripts';

async function record(target: ChatTarget, content: LoadedContent, out: string | undefined, io: CliIo): Promise<void> {
  const bot = createLocalBot(content, { ...(target.dialog ? { dialog: target.dialog } : {}), defaultLang: target.lang });
  const recorder = createTranscriptRecorder();
  try {
    await runTerminalChat({
      bot,
      lang: target.lang,
      languageNames: readLanguageNames(content.system),
      onActivity: recorder.record,
      input: io.stdin,
      output: io.stderr,
      interactive: false,
    });
  } finally {
    await bot.close();
  }
  const text = formatTranscript(recorder.activities());
  if (out) {
    writeFileSync(out, text);
    io.stderr.write(`wrote ${recorder.activities().length} activities to ${out}\n`);
  } else io.stdout.write(text);
}

async function replay(files: string[], content: LoadedContent, io: CliIo): Promise<boolean> {
  let ok = true;
  for (const file of files) {
    const bot = createLocalBot(content);
    const result = await replayTranscript(readTranscript(file), bot, file);
    await bot.close();
    io.stdout.write(result.ok ? `ok    ${file} (${result.turns} turns)\n` : `FAIL  ${file}\n${result.report}\n`);
    ok &&= result.ok;
  }
  return ok;
}

async function update(files: string[], content: LoadedContent, dryRun: boolean, io: CliIo): Promise<void> {
  const chosen = files.length ? files : readdirSync(TEST_TRANSCRIPTS).filter((f) => f.endsWith('.transcript')).sort().map((f) => join(TEST_TRANSCRIPTS, f));
  let changed = 0;
  for (const file of chosen) {
    const bot = createLocalBot(content);
    const result = await rerecordTranscript(readTranscript(file), bot, file);
    await bot.close();
    if (result.changedTurns === 0) {
      io.stdout.write(`same  ${file}\n`);
      continue;
    }
    changed += 1;
    io.stdout.write(`${dryRun ? 'would update' : 'updated'}  ${file} (${result.changedTurns} turn(s) changed)\n${result.diff}\n\n`);
    if (!dryRun) writeFileSync(file, formatTranscript(result.activities));
  }
  io.stdout.write(changed === 0
    ? 'Every transcript matches the current content.\n'
    : dryRun ? `${changed} transcript(s) would change: run again without --dry-run to accept.\n`
      : `${changed} transcript(s) re-recorded: review the lines above (or git diff ${TEST_TRANSCRIPTS}), undo with git checkout ${TEST_TRANSCRIPTS}.\n`);
}

/** Records, replays or re-records transcripts; 1 when a replayed transcript differs. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('transcript', USAGE, argv, io, async () => {
    const { values, positionals: files } = readArgs('transcript', {
      allowPositionals: true,
      options: { ...CHAT_OPTIONS, 'from-chat': { type: 'boolean', default: false }, out: { type: 'string' }, update: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } },
    }, argv);
    const target = readChatTarget('transcript', values);
    if (values.update) {
      await update(files, loadLocalContent(resolve(target.content)), values['dry-run'], io);
      return 0;
    }
    if (!values['from-chat'] && files.length === 0) throw new UsageError('transcript', 'say what to do: --from-chat, transcript files to replay, or --update');
    const content = loadLocalContent(resolve(target.content));
    if (values['from-chat']) {
      await record(target, content, values.out, io);
      return 0;
    }
    return (await replay(files, content, io)) ? 0 : 1;
  });
}

runIfMain(import.meta.url, run);
