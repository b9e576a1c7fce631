/**
 * Staff accounts and sessions on Redis: `npm run staff` (a real child process) writes the account
 * where STORAGE_URL points; a session started on one instance is valid on another.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStaffAuth } from '../../src/staff/staff-auth';
import { openRedisConnection, waitForRedis } from '../../src/storage/redis-connection';
import { RedisStateStore } from '../../src/storage/redis-store';
import { advanceFixture, createFixtureRuntime } from '../fixtures/platform/fixture-runtime';
import { createTestPrefix, deleteTestKeys, SHARED_REDIS_URL } from '../../testkit/private-redis';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';
import { postLogin, signIn } from './staff-helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const prefix = createTestPrefix('staff');
const PASSWORD = 'a long enough pass phrase';
const bots: TestBot[] = [];

async function startInstance(): Promise<TestBot> {
  const client = openRedisConnection({ url: SHARED_REDIS_URL });
  await waitForRedis(client, 3000);
  const store = new RedisStateStore(client, { prefix });
  const bot = await startTestBot({
    runtime: createFixtureRuntime(),
    advance: advanceFixture,
    store,
    routers: ({ logger }) => [createStaffAuth({ store, logger, secureCookies: false }).router],
  });
  bots.push(bot);
  return bot;
}

afterAll(async () => {
  for (const bot of bots) await bot.close();
  await deleteTestKeys(prefix);
});

describe('staff accounts on Redis', () => {
  it('npm run staff adds to Redis; a session from instance A works on instance B', async () => {
    const child = execFile('npm', ['run', '--silent', 'staff', '--', 'add', 'binh', '--role', 'counsellor'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, STORAGE_URL: SHARED_REDIS_URL, REDIS_KEY_PREFIX: prefix },
    });
    child.stdin?.end(`${PASSWORD}\n`);
    const output = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`npm run staff exited ${code}`))));
    });
    expect(output).toContain('added binh (roles: counsellor)');

    const [a, b] = [await startInstance(), await startInstance()];
    expect((await postLogin(a.url, 'binh', 'a wrong pass phrase')).status).toBe(401);
    const client = await signIn(a.url, 'binh', PASSWORD);
    expect(client.setCookie).not.toContain('Secure');
    const onB = await fetch(`${b.url}/staff/api/session`, { headers: { cookie: client.cookie } });
    expect(onB.status).toBe(200);
    expect(await onB.json()).toMatchObject({ name: 'binh', csrfToken: client.csrfToken });
  });
});
