/**
 * Runs the real bot (`node dist/index.js`, as `npm start` does; test/global-setup.ts builds
 * dist/) as a child process on a free port, collects everything it prints, waits for
 * /readyz, and stops it with a signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort } from './free-port';

const ROOT = join(import.meta.dirname, '..', '..');

export interface BotProcess {
  url: string;
  child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  /** Resolves when /readyz answers 200; rejects with the output after `timeoutMs`. */
  waitReady(timeoutMs?: number): Promise<void>;
  /** Sends `signal` to the bot's process group and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
  /** Resolves with the exit code once the process exits by itself. */
  exited(): Promise<number | null>;
}

/** Starts the bot with `env` added to a clean environment (no MicrosoftApp* from the caller's shell). */
export async function startBotProcess(env: Record<string, string>, args: string[] = []): Promise<BotProcess> {
  const port = Number(env.PORT ?? (await findFreePort()));
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a signal reaches the bot and anything it starts (SIGKILL included).
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    child,
    output: () => output,
    exited: () => exit,
    async waitReady(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode} before ready:\n${output}`);
        const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
        if (status === 200) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`bot not ready within ${timeoutMs} ms:\n${output}`);
    },
    async stop(signal = 'SIGTERM', timeoutMs = 20_000) {
      if (child.exitCode !== null) return child.exitCode;
      const signalGroup = (sig: NodeJS.Signals) => {
        try {
          process.kill(-(child.pid ?? 0), sig);
        } catch {
          // Already gone.
        }
      };
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), timeoutMs);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
}
