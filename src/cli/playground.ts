/**
 * `npm run playground [-- --channel webchat|emulator|msteams] [--port N]`: the bot in local mode
 * and the Microsoft 365 Agents Playground together, telemetry off. Ctrl-C or SIGTERM stops both.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import {
  DEFAULT_PLAYGROUND_PORT, PLAYGROUND_CHANNELS, startPlayground, type PlaygroundChannel,
} from '../playground/start-playground';

const USAGE = `Usage: npm run playground [-- --channel webchat|emulator|msteams] [--port N]

Starts the bot in local mode and the Microsoft 365 Agents Playground pointed at it.
  -c, --channel  how the Playground shows the bot (default webchat):
                 webchat   Web Chat, as on a website (suggested-action buttons)
                 emulator  the emulator channel in the Playground's Teams-style chat
                 msteams   Microsoft Teams, personal chat (buttons on cards)
  -p, --port     port of the Playground's page (default ${DEFAULT_PLAYGROUND_PORT}; a free one if taken)
  -h, --help     this text
The bot listens on PORT (default 3978). Ctrl-C stops both.`;

/** Runs the command; resolves with the exit code. */
export async function run(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { channel: { type: 'string', short: 'c' }, port: { type: 'string', short: 'p' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    err.write(`playground: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  const channel = values.channel ?? 'webchat';
  if (!(PLAYGROUND_CHANNELS as readonly string[]).includes(channel)) {
    err.write(`playground: unknown channel '${channel}' (known: ${PLAYGROUND_CHANNELS.join(', ')}).\n`);
    return 2;
  }
  const port = values.port === undefined ? DEFAULT_PLAYGROUND_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err.write(`playground: --port must be a port number (got '${values.port}').\n`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      err.write(`playground: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (!config.localMode) {
    err.write('playground: MicrosoftAppId is set; the Playground talks to the bot in local mode only. Unset MicrosoftAppId (and MicrosoftAppPassword) for this command.\n');
    return 1;
  }
  const botUrl = `http://127.0.0.1:${config.server.port}/api/messages`;
  let running;
  try {
    running = await startPlayground({ rootDir: process.cwd(), botUrl, channel: channel as PlaygroundChannel, playgroundPort: port, output: err });
  } catch (error) {
    err.write(`playground: ${(error as Error).message}\n`);
    return 1;
  }
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

// Run when started as a command (not when imported by a test).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`playground: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
