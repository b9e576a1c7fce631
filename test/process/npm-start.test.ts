/**
 * The production path as an operator runs it: `npm start` runs the compiled bot
 * (`node dist/index.js`, no TypeScript tooling in the process), and SIGTERM sent to the npm
 * process (what Docker, systemd and PM2 do) stops the bot gracefully: exit 0, port freed,
 * no orphan left behind.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../../testkit/free-port';

const ROOT = join(import.meta.dirname, '..', '..');

/** Pids of the direct children of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start', () => {
  it('runs node dist/index.js and stops gracefully when npm receives SIGTERM', async () => {
    const port = await findFreePort();
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), STORAGE_URL: 'memory:', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    let botPid: number | undefined;
    let tree: number[] = [];
    try {
      await waitFor('ready', () => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => (r.status === 200 ? true : undefined), () => undefined), 60_000);
      // The process that serves the bot: a descendant of npm running node on dist/.
      const descendants = (pid: number): number[] => childrenOf(pid).flatMap((child) => [child, ...descendants(child)]);
      tree = descendants(npm.pid!);
      botPid = [...tree].reverse().find((pid) => /^\S*node dist\/index\.js/.test(commandLine(pid)));
      expect(botPid, `no node dist/index.js under npm:\n${output}`).toBeDefined();
      const cmd = commandLine(botPid!);
      expect(cmd).not.toMatch(/tsx|esbuild|--import|--loader/);
      const maps = readFileSync(`/proc/${botPid}/maps`, 'utf8');
      expect(maps).not.toMatch(/esbuild|tsx/);

      npm.kill('SIGTERM');
      expect(await exited).toBe(0);
      await waitFor('bot process gone', () => (isAlive(botPid!) ? undefined : true), 10_000);
      const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => false, () => true);
      expect(refused).toBe(true);
      expect(output).toMatch(/shutting down/);
      expect(output).toMatch(/"msg":"stopped"/);
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
      for (const pid of tree) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 90_000);
});
