/**
 * Starts a bot (or the echo baseline) as a real child process on a free loopback port,
 * measures its start-up time to `/readyz` = 200, its peak memory (VmHWM), and stops or
 * kills it. Used by bench/http.ts and the multi-process tests in test/scale/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFreePort } from './free-port';

/** A running bot process. */
export interface BotProcess {
  pid: number;
  url: string;
  messagesUrl: string;
  /** ms from spawn to the first `/readyz` 200. */
  startupMs: number;
  /** Peak resident memory so far, in MB (Linux /proc). */
  peakRssMb(): number;
  /** Last lines the process wrote to stderr (for failure messages; logs hold no message text). */
  stderrTail(): string;
  /** Graceful stop (SIGTERM), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Immediate SIGKILL: a crashed instance. */
  kill(): Promise<void>;
  exited(): boolean;
}

/** Options of {@link startBotProcess}. */
export interface BotProcessOptions {
  /** Entry file relative to the project root (default `dist/index.js`, the production build; `.ts` files run through tsx). */
  entry?: string;
  env?: Record<string, string>;
  /** Longest wait for `/readyz` (default 20 s). */
  readyTimeoutMs?: number;
  port?: number;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Spawns `entry` with node (tsx for a `.ts` entry), waits until `/readyz` answers 200. */
export async function startBotProcess(options: BotProcessOptions = {}): Promise<BotProcess> {
  const port = options.port ?? (await findFreePort());
  const entry = resolve(ROOT, options.entry ?? 'dist/index.js');
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const profile = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...profile, ...loader, entry], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const url = `http://127.0.0.1:${port}`;
  let peak = 0;
  const readPeak = (): number => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // process gone: keep the last reading
    }
    return peak;
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot process ${entry} exited with ${child.exitCode} before /readyz: ${stderr.slice(-800)}`);
    const ok = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot process ${entry} not ready on ${url} within the timeout: ${stderr.slice(-800)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const startupMs = performance.now() - started;
  const stopWith = async (signal: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    readPeak();
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return {
    pid: child.pid ?? -1,
    url,
    messagesUrl: `${url}/api/messages`,
    startupMs,
    peakRssMb: readPeak,
    stderrTail: () => stderr,
    stop: (graceMs = 5000) => stopWith('SIGTERM', graceMs),
    kill: () => stopWith('SIGKILL', 0),
    exited: () => child.exitCode !== null || child.signalCode !== null,
  };
}
