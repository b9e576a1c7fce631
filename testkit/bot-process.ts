/**
 * The real bot (or the echo baseline of bench/) as a child process on a free loopback port,
 * for the process, scale and fault tests and the benchmarks: collects what it prints, waits
 * for `/readyz`, measures start-up time and peak memory, and stops it by pid.
 *
 * Every process started here is remembered until it exits: `stopAllBotProcesses()` (an
 * `afterAll`) stops the ones a test still holds, including those whose start failed or
 * timed out, and the test process kills any left when it exits, so no bot outlives its test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFreePort } from './free-port';

/** A bot process (started, maybe not ready yet). */
export interface BotProcess {
  pid: number;
  url: string;
  messagesUrl: string;
  child: ChildProcess;
  /** ms from spawn to the first `/readyz` 200 (0 until `waitReady` resolved). */
  startupMs: number;
  /** stdout + stderr so far (the last 256 kB). */
  output(): string;
  /** The last lines the process printed (for failure messages; logs hold no message text). */
  stderrTail(): string;
  /** Peak resident memory so far, in MB (Linux /proc). */
  peakRssMb(): number;
  /** CPU time (user + system) the process has used so far, in ms (Linux /proc; 10 ms resolution). */
  cpuMs(): number;
  /**
   * Resolves with the start-up time once `/readyz` answers 200; rejects with the output when
   * the process exits first or after `timeoutMs` (the process is then stopped).
   */
  waitReady(timeoutMs?: number): Promise<number>;
  /** Sends `signal` to the bot's process group, SIGKILL after `graceMs`; resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
  /** Immediate SIGKILL: a crashed instance. */
  kill(): Promise<void>;
  /** True once the process has exited. */
  hasExited(): boolean;
  /** Resolves with the exit code once the process exits. */
  exited(): Promise<number | null>;
}

/** Options of {@link spawnBotProcess} and {@link startBotProcess}. */
export interface BotProcessOptions {
  /** Entry file relative to the project root (default `dist/index.js`, the production build; a `.ts` file runs through tsx). */
  entry?: string;
  /** Added to a clean environment (PATH, HOME, NODE_ENV=test, LOG_LEVEL=warn): nothing leaks in from the caller's shell. */
  env?: Record<string, string>;
  /** Command-line arguments of the entry. */
  args?: string[];
  /** Longest wait for `/readyz` in {@link startBotProcess} (default 60 s). */
  readyTimeoutMs?: number;
  port?: number;
}

const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT_LIMIT = 256 * 1024;

/** Processes started here and not exited yet. */
const running = new Set<BotProcess>();

/** Signals the whole process group of `pid` (the bot and anything it started); false when it is gone. */
function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

// The test (or benchmark) process is ending: no bot it started may outlive it.
process.once('exit', () => {
  for (const bot of running) signalGroup(bot.pid, 'SIGKILL');
});

/** Spawns the bot on a free port without waiting; call `waitReady()`. */
export async function spawnBotProcess(options: BotProcessOptions = {}): Promise<BotProcess> {
  const port = options.port ?? Number(options.env?.PORT ?? (await findFreePort()));
  const entry = resolve(ROOT, options.entry ?? 'dist/index.js');
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const profile = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
  const started = performance.now();
  const child = spawn(process.execPath, [...profile, ...loader, entry, ...(options.args ?? [])], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a signal reaches the bot and anything it starts.
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start ${entry} (node at ${process.execPath})`);
  const pid = child.pid;
  let output = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT)));
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exit = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const url = `http://127.0.0.1:${port}`;
  let peak = 0;
  const peakRssMb = (): number => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // Process gone: keep the last reading.
    }
    return peak;
  };
  const cpuMs = (): number => {
    try {
      // Fields 14 and 15 of /proc/PID/stat (utime, stime), in clock ticks of 10 ms; the name (field 2) may hold spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return Number.NaN;
    }
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 20_000): Promise<number | null> => {
    if (hasExited()) return child.exitCode;
    peakRssMb();
    signalGroup(pid, signal);
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
    const code = await exit;
    clearTimeout(timer);
    return code;
  };
  const bot: BotProcess = {
    pid,
    url,
    messagesUrl: `${url}/api/messages`,
    child,
    startupMs: 0,
    output: () => output,
    stderrTail: () => stderr,
    peakRssMb,
    cpuMs,
    async waitReady(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (hasExited()) throw new Error(`bot process ${entry} (pid ${pid}) exited with ${child.exitCode ?? child.signalCode} before /readyz:\n${output.slice(-2000)}`);
        const ok = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
        if (ok) {
          bot.startupMs = performance.now() - started;
          return bot.startupMs;
        }
        if (Date.now() > deadline) {
          await stop('SIGKILL');
          throw new Error(`bot process ${entry} (pid ${pid}) not ready on ${url} within ${timeoutMs} ms (stopped):\n${output.slice(-2000)}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    stop,
    kill: async () => {
      await stop('SIGKILL', 0);
    },
    hasExited,
    exited: () => exit,
  };
  running.add(bot);
  void exit.then(() => running.delete(bot));
  return bot;
}

/**
 * Spawns the bot and waits until `/readyz` answers 200. When it is not ready in time (or
 * exits), it is stopped before the error is thrown: a failed start leaves no process behind.
 */
export async function startBotProcess(options: BotProcessOptions = {}): Promise<BotProcess> {
  const bot = await spawnBotProcess(options);
  try {
    await bot.waitReady(options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await bot.stop('SIGKILL');
    throw error;
  }
  return bot;
}

/** Stops every bot process started here that is still running (SIGTERM, SIGKILL after `graceMs`). */
export async function stopAllBotProcesses(graceMs = 5_000): Promise<void> {
  await Promise.all([...running].map((bot) => bot.stop('SIGTERM', graceMs)));
}
