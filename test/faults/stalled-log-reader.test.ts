/**
 * A bot whose stdout is never read (a stalled log collector): once the pipe is full, logging
 * must not block turns or health checks; the lines that do not fit are dropped and counted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { findFreePort } from '../../testkit/free-port';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { buildMessage, postJson } from '../helpers/http';

const ROOT = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-stalled-log-'));
let child: ChildProcess | undefined;
let channel: FakeChannel | undefined;

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((done) => child!.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }
  await channel?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** ms until GET /healthz answers, or Infinity after 3 s. */
async function timeHealthz(url: string): Promise<number> {
  const started = performance.now();
  const status = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3000) }).then((r) => r.status, () => 0);
  return status === 200 ? performance.now() - started : Infinity;
}

it('keeps answering turns and /healthz at once while nobody reads its log output', async () => {
  channel = await startFakeChannel();
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'index.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), LOG_LEVEL: 'debug', STORAGE_URL: `sqlite:${join(dir, 'bot.db')}` },
    // stdout is a pipe that this test never reads: it fills after ~64 KB.
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  child.stdout!.pause();
  const deadline = Date.now() + 60_000;
  while ((await fetch(`${url}/readyz`).then((r) => r.status, () => 0)) !== 200) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('bot did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  // ~3,000 refused bodies log ~400 KB: far more than the pipe holds.
  for (let round = 0; round < 30; round++) {
    await Promise.all(Array.from({ length: 100 }, () => fetch(`${url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message"}', signal: AbortSignal.timeout(2000),
    }).then((r) => r.arrayBuffer(), () => undefined)));
  }
  expect(await timeHealthz(url)).toBeLessThan(1000);
  const reply = channel.waitForMessages(1, 10_000);
  const turn = await postJson(`${url}/api/messages`, buildMessage(channel.url, { text: 'hello', conversation: { id: 'stalled-log' } }));
  expect(turn.status).toBe(200);
  expect((await reply).length).toBeGreaterThan(0);
}, 90_000);
