/**
 * A private redis-server for fault tests (the shared one on 6379 is never stopped):
 * started on a free port, it can be paused (SIGSTOP: a slow/frozen server), resumed,
 * stopped (an outage) and started again on the same port with its data (append-only file
 * fsynced on every write, in a temporary folder), as a production Redis would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { findFreePort } from './free-port';
import { waitForPong } from './redis-binary';

/** A redis-server child process owned by one test file. */
export interface PrivateRedis {
  port: number;
  url: string;
  pause(): void;
  resume(): void;
  /** SIGKILL: an outage; data written so far survives for `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its data folder (afterAll). */
  remove(): Promise<void>;
}

/**
 * The Redis of tests that need no outage: the private server test/global-setup.ts started,
 * or TEST_REDIS_URL. (Without redis-server, vitest.config.ts leaves the Redis tests out.)
 */
export const SHARED_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A key prefix unique to this test run, so runs never see each other's keys. */
export function createTestPrefix(label: string): string {
  return `tftest:${label}:${randomBytes(4).toString('hex')}:`;
}

/** Starts a private redis-server; call `stop()` in afterAll. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await findFreePort();
  const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-redis-'));
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir];
    child = spawn('redis-server', args, { stdio: 'ignore' });
    await waitForPong(port);
  };
  await start();
  const stop = async (): Promise<void> => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    current.kill('SIGCONT');
    const exited = new Promise((resolve) => current.once('exit', resolve));
    current.kill('SIGKILL');
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    start,
    stop,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Deletes every key under `prefix` (afterAll of tests that write to the shared Redis). */
export async function deleteTestKeys(prefix: string, url = SHARED_REDIS_URL): Promise<void> {
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length) await client.del(keys);
  await client.close();
}
