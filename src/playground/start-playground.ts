/**
 * The bot and the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, the Bot
 * Framework Emulator's successor) as two child processes: the bot as `npm start` runs it (dist/,
 * rebuilt first when older than src/ or the content) in local mode on its configured port, the
 * Playground's chat UI and mocked connector on `playgroundPort`, telemetry off. It runs offline;
 * both stop together.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Channel modes of the Playground that this project documents and tests. */
export const PLAYGROUND_CHANNELS = ['webchat', 'emulator', 'msteams'] as const;
export type PlaygroundChannel = (typeof PLAYGROUND_CHANNELS)[number];

/** The Playground's default port (it moves to a free one when this is taken). */
export const DEFAULT_PLAYGROUND_PORT = 56150;

export interface PlaygroundOptions {
  /** Project root: where `scripts/build.mjs`, `dist/` and `node_modules` are. */
  rootDir: string;
  /** Bot endpoint the Playground posts to, e.g. http://127.0.0.1:3978/api/messages. */
  botUrl: string;
  channel: PlaygroundChannel;
  playgroundPort: number;
  /** Where the children's output goes (the bot's logs, the Playground's lines). */
  output: { write(text: string): unknown };
  /** Longest wait for the bot's /readyz and the Playground's "Listening" line (ms). */
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  /** Where to open the Playground's chat UI. */
  playgroundUrl: string;
  /** Resolves when either process exits by itself, naming it and its exit code. */
  exited: Promise<{ which: 'bot' | 'playground'; code: number | null }>;
  /** Stops both (SIGTERM, then SIGKILL after `graceMs`); resolves when both are gone. */
  stop(graceMs?: number): Promise<void>;
}

/** The Playground's command-line entry point, from its package. */
export function playgroundCli(rootDir: string): string {
  const require = createRequire(join(rootDir, 'package.json'));
  return join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
}

/**
 * Starts the bot, waits until it is ready, then starts the Playground pointed at it.
 * @throws Error naming the process and showing its last output when one fails to start in time.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const timeout = options.startTimeoutMs ?? 60_000;
  const build = spawnSync(process.execPath, [join(options.rootDir, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], {
    cwd: options.rootDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (build.status !== 0) {
    options.output.write(`${build.stdout?.toString() ?? ''}${build.stderr?.toString() ?? ''}`);
    throw new Error('Building the bot failed (above): fix it, then run the command again (npm run build shows the same).');
  }
  const bot = spawn(process.execPath, [join(options.rootDir, 'dist', 'index.js')], {
    cwd: options.rootDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeOutput(bot, options.output);
  const children: ChildProcess[] = [bot];
  const stop = (graceMs = 15_000) => Promise.all(children.map((child) => stopChild(child, graceMs))).then(() => undefined);
  try {
    await waitForReady(new URL('/readyz', options.botUrl).href, bot, timeout);
    const playground = spawn(process.execPath, [
      playgroundCli(options.rootDir),
      '--app-endpoint', options.botUrl,
      '--channel-id', options.channel,
      '--port', String(options.playgroundPort),
      '--disable-telemetry',
    ], { cwd: options.rootDir, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(playground);
    const port = await waitForListening(playground, options.output, timeout);
    const exited = Promise.race([
      exitOf(bot).then((code) => ({ which: 'bot' as const, code })),
      exitOf(playground).then((code) => ({ which: 'playground' as const, code })),
    ]);
    return { playgroundUrl: `http://localhost:${port}`, exited, stop };
  } catch (error) {
    await stop(2_000);
    throw error;
  }
}

function pipeOutput(child: ChildProcess, output: { write(text: string): unknown }): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (text: string) => output.write(text));
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = exitOf(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exit;
  clearTimeout(timer);
}

/** Polls the bot's /readyz until 200; fails early when the bot exits (port taken, bad config). */
async function waitForReady(url: string, bot: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null) throw new Error(`The bot stopped (exit code ${bot.exitCode}) before it was ready: see its messages above.`);
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The bot did not answer ${url} within ${timeoutMs / 1000} s: see its messages above.`);
}

/** Reads the Playground's output until it says which port it listens on (it moves off a taken port). */
function waitForListening(playground: ChildProcess, output: { write(text: string): unknown }, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`The Playground did not start within ${timeoutMs / 1000} s:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      seen += text;
      output.write(text);
      const match = /Listening on (\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    playground.stdout?.on('data', onData);
    playground.stderr?.on('data', (chunk: Buffer) => output.write(chunk.toString('utf8')));
    playground.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The Playground stopped (exit code ${code}) before it listened:\n${seen}`));
    });
  });
}
