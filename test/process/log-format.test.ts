/**
 * What an operator sees when starting the real bot (`node dist/index.js`): readable lines at a
 * terminal, JSON lines in a pipe (log collectors), and in local mode the addresses of the web
 * chat and the flow diagrams. The terminal is a real pseudo-terminal (util-linux `script`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnBotProcess } from '../../testkit/bot-process';
import { findFreePort } from '../../testkit/free-port';

const ROOT = join(import.meta.dirname, '..', '..');
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasScript) process.stderr.write('terminal log format test skipped: no `script` command (util-linux) to give the bot a terminal.\n');

/** Runs the bot on a pseudo-terminal until its output matches `until`; returns that output. */
async function startOnTerminal(env: Record<string, string>, until: RegExp): Promise<string> {
  const child = spawn('script', ['-qec', `exec ${JSON.stringify(process.execPath)} dist/index.js`, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const deadline = Date.now() + 30_000;
    while (!until.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 100));
    return output;
  } finally {
    // script passes the signal on to the bot it runs, which stops gracefully.
    child.kill('SIGTERM');
    await exited;
  }
}

describe('start-up log lines', () => {
  it.skipIf(!hasScript)('are readable lines on a terminal, naming /chat and /flows in local mode', async () => {
    const port = await findFreePort();
    const output = await startOnTerminal({ PORT: String(port), STORAGE_URL: 'memory:', LOG_LEVEL: 'debug' }, /flows/);
    const lines = output.split(/\r?\n/).filter(Boolean);
    const ready = lines.find((line) => line.includes('local mode'));
    expect(ready).toMatch(/^\d\d:\d\d:\d\d\.\d{3} \S*INFO *\S* +local mode/);
    expect(ready).toContain(`http://localhost:${port}/chat`);
    expect(ready).toContain(`http://localhost:${port}/flows`);
    expect(lines.find((line) => line.includes('start-up timings'))).toMatch(/DEBUG.* content=\d+ storage=\d+ server=\d+ totalMs=\d+/);
    expect(output).not.toContain('{"level"');
  });

  it('are JSON lines in a pipe', async () => {
    const bot = await spawnBotProcess({ env: { LOG_LEVEL: 'info', STORAGE_URL: 'memory:' } });
    try {
      await bot.waitReady();
      const lines = bot.output().split('\n').filter((line) => line.startsWith('{'));
      const ready = lines.map((line) => JSON.parse(line) as { level: number; msg: string }).find((entry) => entry.msg.includes('local mode'));
      expect(ready?.level).toBe(30);
      expect(ready?.msg).toContain('/chat');
      expect(ready?.msg).toContain('/flows');
    } finally {
      await bot.stop();
    }
  });
});
