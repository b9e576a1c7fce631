import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - `unit`: in-process tests (real HTTP servers on loopback, SQLite, Redis), run in parallel;
 * - `slow`: tests that start bot processes, browsers or several instances; one file at a
 *   time, so they never compete with each other for the CPU (what made them flaky).
 * test/global-setup.ts compiles dist/ once (process tests run the production build) and
 * starts a private redis-server for the Redis tests. Without a redis-server binary (and no
 * TEST_REDIS_URL) the Redis tests are left out with one line saying so; CI must run them.
 */
const SLOW = [
  'test/process/**/*.test.ts',
  'test/scale/**/*.test.ts',
  'test/faults/**/*.test.ts',
  'test/server/process.test.ts',
  'test/server/dependency-console.test.ts',
  'test/staff/staff-redis.test.ts',
  'test/web-chat/browser.test.ts',
  'test/tools/flows-page.test.ts',
  'test/admin/dashboard.test.ts',
  'test/playground/playground-browser.test.ts',
];

/** Test files that need a Redis server (they name the shared test Redis or start their own). */
function listRedisTests(): string[] {
  const root = join(import.meta.dirname, 'test');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .filter((file) => /SHARED_REDIS_URL|startPrivateRedis|private-redis|redis-server/.test(readFileSync(join(root, file), 'utf8')))
    .map((file) => `test/${file.split('\\').join('/')}`);
}

const hasRedis = Boolean(process.env.TEST_REDIS_URL) || spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
const withoutRedis = hasRedis || process.env.CI ? [] : listRedisTests();
if (withoutRedis.length > 0 && !process.env.THINKFIRST_REDIS_SKIP_SAID) {
  process.env.THINKFIRST_REDIS_SKIP_SAID = '1';
  process.stderr.write(`Redis tests skipped (${withoutRedis.length} files): no redis-server on PATH; install it (apt-get install redis-server) or set TEST_REDIS_URL.\n`);
}

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...SLOW, ...withoutRedis] } },
      { extends: true, test: { name: 'slow', include: SLOW, exclude: withoutRedis, fileParallelism: false, testTimeout: 60_000, hookTimeout: 90_000 } },
    ],
  },
});
