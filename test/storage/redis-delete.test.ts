/**
 * Deleting a conversation on Redis removes every key the bot kept about it: state, turn
 * lock, queue, tickets, fencing counter, leases, activity claims and rate-limit counter,
 * also when the deletion happens inside the conversation's own turn ("delete my data").
 */
import { afterAll, afterEach, expect, it } from 'vitest';
import { RedisRateLimiter } from '../../src/storage/rate-limit-redis';
import { RedisTurnGate } from '../../src/storage/redis-gate';
import { RedisStateStore } from '../../src/storage/redis-store';
import { openRedisConnection, waitForRedis } from '../../src/storage/redis-connection';
import { createTestPrefix, deleteTestKeys, SHARED_REDIS_URL } from '../../testkit/private-redis';

const filePrefix = createTestPrefix('delete');
let count = 0;
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((thing) => thing.close()));
});
afterAll(() => deleteTestKeys(filePrefix));

async function open(prefix: string) {
  const client = openRedisConnection({ url: SHARED_REDIS_URL });
  await waitForRedis(client, 3000);
  const store = new RedisStateStore(client, { prefix, ownsConnection: false });
  const gate = new RedisTurnGate(client, { prefix, ownsConnection: false });
  const limiter = new RedisRateLimiter(client, {}, prefix);
  opened.push(gate, limiter, store, { close: async () => void (await client.close()) });
  const keys = async () => {
    const found: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) found.push(...batch);
    return found;
  };
  return { store, gate, limiter, keys };
}

it('leaves no key of a deleted conversation, whether deleted inside its turn or after', async () => {
  const prefix = `${filePrefix}${count++}:`;
  const { store, gate, limiter, keys } = await open(prefix);
  for (const conversation of ['conv/one', 'conv/two']) {
    await limiter.hit(conversation);
    await gate.run(conversation, 'activity-1', () => store.write({ [conversation]: { step: 'q1' }, 'user/u': { lang: 'en' } }));
  }
  expect((await keys()).length).toBeGreaterThan(6);
  await limiter.hit('conv/two');
  await gate.run('conv/two', 'activity-2', () => store.delete(['conv/one', 'conv/two', 'user/u']));
  expect(await keys()).toEqual([]);
});
