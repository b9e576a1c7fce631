/**
 * Runs once before all tests:
 * - compiles dist/ when it is older than src/ (process tests run the production build);
 * - gives the Redis tests a server: TEST_REDIS_URL when set, else a private redis-server on a
 *   free port (stopped after the run); without the binary vitest.config.ts leaves the Redis
 *   tests out with one line, and under CI a missing redis-server is an error (they must run).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../testkit/free-port';
import { hasRedisServer, waitForPong } from '../testkit/redis-binary';

const ROOT = join(import.meta.dirname, '..');

export default async function setup(): Promise<() => Promise<void>> {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`test setup: npm run build failed:\n${build.stdout}${build.stderr}`);

  if (process.env.TEST_REDIS_URL) return async () => {};
  if (!hasRedisServer()) {
    // vitest.config.ts already left the Redis tests out (and said so), except under CI.
    if (process.env.CI) throw new Error('test setup: CI must run the Redis tests but redis-server is not installed (apt-get install redis-server).');
    return async () => {};
  }
  const port = await findFreePort();
  const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-test-redis-'));
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  await waitForPong(port);
  process.env.TEST_REDIS_URL = `redis://127.0.0.1:${port}`;
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
}
