/**
 * `npm run playground [-- --channel webchat|emulator|msteams] [--port N]`: the bot in local mode
 * and the Microsoft 365 Agents Playground together, telemetry off. Ctrl-C or SIGTERM stops both.
 */
import { loadConfig } from '../config';
import {
  DEFAULT_PLAYGROUND_PORT, PLAYGROUND_CHANNELS, startPlayground,
} from '../playground/start-playground';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs, readChoice, UsageError } from '../util/read-args';

const USAGE = `Usage: npm run playground [-- --channel webchat|emulator|msteams] [--port N]

Starts the bot in local mode and the Microsoft 365 Agents Playground pointed at it.
  -c, --channel  how the Playground shows the bot (default webchat):
                 webchat   Web Chat, as on a website (suggested-action buttons)
                 emulator  the emulator channel in the Playground's Teams-style chat
                 msteams   Microsoft Teams, personal chat (buttons on cards)
  -p, --port     port of the Playground's page (default ${DEFAULT_PLAYGROUND_PORT}; a free one if taken)
  -h, --help     this text
The bot listens on PORT (default 3978). Ctrl-C stops both.`;

/** Runs the bot and the Playground until a signal or until one of them stops; resolves with the exit code. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('playground', USAGE, argv, io, () => {
    const { values } = readArgs('playground', { options: { channel: { type: 'string', short: 'c' }, port: { type: 'string', short: 'p' } } }, argv);
    return playground(values, io);
  });
}

async function playground(values: { channel?: string; port?: string }, io: CliIo): Promise<number> {
  const out = io.stdout;
  const err = io.stderr;
  const channel = readChoice('playground', '--channel', values.channel ?? 'webchat', PLAYGROUND_CHANNELS);
  const port = values.port === undefined ? DEFAULT_PLAYGROUND_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('playground', `--port must be a port number (got '${values.port}')`);
  const config = loadConfig(io.env, []);
  if (!config.localMode) {
    err.write('playground: MicrosoftAppId is set; the Playground talks to the bot in local mode only. Unset MicrosoftAppId (and MicrosoftAppPassword) for this command.\n');
    return 1;
  }
  const botUrl = `http://127.0.0.1:${config.server.port}/api/messages`;
  const running = await startPlayground({ rootDir: process.cwd(), botUrl, channel, playgroundPort: port, output: err });
  out.write(`\nThinkFirst bot: ${botUrl} (local mode)\nMicrosoft 365 Agents Playground (${channel}): ${running.playgroundUrl}\nOpen it in a browser. Ctrl-C stops both.\n`);
  const signalled = new Promise<'signal'>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve('signal'));
    // npm does not pass SIGTERM on through its shell: when our parent goes away, stop as if signalled.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) resolve('signal');
    }, 500).unref();
  });
  const first = await Promise.race([running.exited, signalled]);
  await running.stop();
  if (first === 'signal') return 0;
  err.write(`playground: the ${first.which === 'bot' ? 'bot' : 'Playground'} stopped (exit code ${first.code}); the other one was stopped too.\n`);
  return 1;
}

runIfMain(import.meta.url, run);
