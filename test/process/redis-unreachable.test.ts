/**
 * Start-up with the Redis of STORAGE_URL unreachable: the real bot starts, says at once which
 * host it cannot reach (never the password in the URL), reports not-ready on /readyz and
 * stays alive on /healthz, so a process manager does not restart it in a loop.
 */
import { expect, it } from 'vitest';
import { spawnBotProcess } from '../../testkit/bot-process';
import { findFreePort } from '../../testkit/free-port';

const PASSWORD = 'CanaryRedisPassword9931';

it('warns at once naming host and port, never the password, and is alive but not ready', async () => {
  const port = await findFreePort();
  const started = Date.now();
  const bot = await spawnBotProcess({ env: { LOG_LEVEL: 'info', STORAGE_URL: `redis://thinkfirst:${PASSWORD}@127.0.0.1:${port}`, ID_SECRET: 'redis-unreachable-secret-01234' } });
  try {
    const deadline = Date.now() + 30_000;
    while (!bot.output().includes('is unreachable') && Date.now() < deadline && bot.child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const warning = bot.output().split('\n').find((line) => line.includes('is unreachable'));
    expect(warning, bot.output()).toBeDefined();
    const entry = JSON.parse(warning!) as { level: number; msg: string; redis: string; error: string };
    expect(entry).toMatchObject({ level: 40, redis: `127.0.0.1:${port}` });
    expect(entry.msg).toContain(`Redis at 127.0.0.1:${port} is unreachable`);
    expect(entry.msg).toContain('STORAGE_URL');
    expect(Date.now() - started).toBeLessThan(15_000);
    // The warning comes before the server listens: wait for it to answer.
    let health = 0;
    while (health === 0 && Date.now() < deadline) {
      health = await fetch(`${bot.url}/healthz`).then((r) => r.status, () => 0);
      if (health === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ready = await fetch(`${bot.url}/readyz`).then((r) => r.status, () => 0);
    expect([health, ready]).toEqual([200, 503]);
    expect(bot.output()).not.toContain(PASSWORD);
  } finally {
    await bot.stop();
  }
});
