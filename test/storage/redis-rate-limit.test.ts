import { afterAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter, type RateLimiter } from '../../src/storage/rate-limit';
import { RedisRateLimiter } from '../../src/storage/rate-limit-redis';
import { closeRedisConnection, openRedisConnection, waitForRedis, type RedisConnection } from '../../src/storage/redis-connection';
import { createTestPrefix, deleteTestKeys, SHARED_REDIS_URL, startPrivateRedis } from '../../testkit/private-redis';

const prefix = createTestPrefix('rate');
const connections: RedisConnection[] = [];
afterAll(async () => {
  await deleteTestKeys(prefix);
  await Promise.all(connections.map((c) => closeRedisConnection(c)));
});

async function connect(url = SHARED_REDIS_URL): Promise<RedisConnection> {
  const client = openRedisConnection({ url, commandTimeoutMs: 300 });
  connections.push(client);
  await waitForRedis(client, 3000);
  return client;
}

async function hitTimes(limiter: RateLimiter, key: string, times: number) {
  const decisions = [];
  for (let i = 0; i < times; i++) decisions.push(await limiter.hit(key));
  return decisions;
}

describe.each([
  ['memory', async (windowMs: number): Promise<RateLimiter[]> => [new MemoryRateLimiter({ limit: 3, windowMs })]],
  [
    'redis, two instances sharing the count',
    async (windowMs: number): Promise<RateLimiter[]> => {
      const p = `${prefix}${windowMs}:${Math.random()}:`;
      return [new RedisRateLimiter(await connect(), { limit: 3, windowMs }, p), new RedisRateLimiter(await connect(), { limit: 3, windowMs }, p)];
    },
  ],
])('rate limit: %s', (_name, create) => {
  it('allows the limit, sends one notice, then drops silently', async () => {
    const limiters = await create(60_000);
    const decisions = [];
    for (let i = 0; i < 6; i++) decisions.push(await limiters[i % limiters.length]!.hit('conv/flood'));
    expect(decisions).toEqual(['allow', 'allow', 'allow', 'notify', 'drop', 'drop']);
  });

  it('does not limit other conversations', async () => {
    const limiters = await create(60_000);
    await hitTimes(limiters[0]!, 'conv/flood', 10);
    expect(await limiters.at(-1)!.hit('conv/calm')).toBe('allow');
  });

  it('allows again once the window is over', async () => {
    const limiters = await create(300);
    await hitTimes(limiters[0]!, 'conv/w', 5);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await limiters[0]!.hit('conv/w')).toBe('allow');
  });
});

describe('rate limit settings and outages', () => {
  it('refuses a limit that is not a positive integer, naming the variable', () => {
    expect(() => new MemoryRateLimiter({ limit: 0 })).toThrow(/RATE_LIMIT_MESSAGES/);
    expect(() => new MemoryRateLimiter({ windowMs: -1 })).toThrow(/RATE_LIMIT_WINDOW_MS/);
  });

  it('lets messages through when Redis is down (the turn reports the outage itself)', async () => {
    const redis = await startPrivateRedis();
    const limiter = new RedisRateLimiter(await connect(redis.url), { limit: 1, windowMs: 60_000 }, prefix);
    await redis.stop();
    const started = Date.now();
    expect(await hitTimes(limiter, 'conv/x', 3)).toEqual(['allow', 'allow', 'allow']);
    expect(Date.now() - started).toBeLessThan(1000);
    await redis.remove();
  });
});
