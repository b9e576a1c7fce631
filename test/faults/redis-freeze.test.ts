/**
 * A Redis that freezes (SIGSTOP) and wakes up again, against the real turn gate and state
 * store on a private redis-server: commands the bot gave up on run when Redis wakes, and must
 * neither leave a conversation stuck nor apply a turn the user was told failed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisTurnGate } from '../../src/storage/redis-gate';
import { RedisStateStore } from '../../src/storage/redis-store';
import { openRedisConnection, waitForRedis } from '../../src/storage/redis-connection';
import { createTestPrefix, startPrivateRedis, type PrivateRedis } from '../../testkit/private-redis';

const LOCK_TTL_MS = 600;
const COMMAND_TIMEOUT_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let redis: PrivateRedis;
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterEach(async () => {
  redis.resume();
  await Promise.all(opened.splice(0).map((thing) => thing.close()));
});
afterAll(async () => {
  await redis?.remove();
});

async function connect() {
  const client = openRedisConnection({ url: redis.url, commandTimeoutMs: COMMAND_TIMEOUT_MS });
  await waitForRedis(client, 3000);
  return client;
}

async function openGate(prefix: string): Promise<RedisTurnGate> {
  const gate = new RedisTurnGate(await connect(), { prefix, lockTtlMs: LOCK_TTL_MS, lockWaitMs: 5000 });
  opened.push(gate);
  return gate;
}

async function openStore(prefix: string): Promise<RedisStateStore> {
  const store = new RedisStateStore(await connect(), { prefix });
  opened.push(store);
  return store;
}

describe('Redis frozen during a turn, then awake', () => {
  it('lets the next message of the conversation run on another instance within the lock TTL plus one second', async () => {
    const prefix = createTestPrefix('freeze');
    const a = await openGate(prefix);
    const b = await openGate(prefix);
    redis.pause();
    const during = a.run('conv/frozen', 'act-1', async () => 'ran');
    await expect(during).rejects.toMatchObject({ name: 'StorageUnavailableError' });
    redis.resume();
    await sleep(50);
    const started = Date.now();
    expect(await b.run('conv/frozen', 'act-2', async () => 'answered')).toEqual({ status: 'done', value: 'answered' });
    expect(Date.now() - started).toBeLessThan(LOCK_TTL_MS + 1000);
    // And on the instance that gave up, too.
    const again = Date.now();
    expect(await a.run('conv/frozen', 'act-3', async () => 'answered')).toEqual({ status: 'done', value: 'answered' });
    expect(Date.now() - again).toBeLessThan(LOCK_TTL_MS + 1000);
  });

  it('runs the redelivery of a message whose turn was abandoned while Redis was frozen', async () => {
    const prefix = createTestPrefix('freeze-redeliver');
    const a = await openGate(prefix);
    const b = await openGate(prefix);
    redis.pause();
    await expect(a.run('conv/redeliver', 'act-1', async () => 'ran')).rejects.toMatchObject({ name: 'StorageUnavailableError' });
    redis.resume();
    await sleep(50);
    const started = Date.now();
    expect(await b.run('conv/redeliver', 'act-1', async () => 'second try')).toEqual({ status: 'done', value: 'second try' });
    expect(Date.now() - started).toBeLessThan(LOCK_TTL_MS + 1000);
  });

  it('never applies a state write the client gave up on while Redis was frozen', async () => {
    const prefix = createTestPrefix('late-write');
    const store = await openStore(prefix);
    await store.write({ 'conv/late': { step: 'question-1' } });
    redis.pause();
    await expect(store.write({ 'conv/late': { step: 'question-2' } })).rejects.toMatchObject({ name: 'StorageUnavailableError' });
    redis.resume();
    await sleep(300);
    expect((await store.read(['conv/late']))['conv/late']?.step).toBe('question-1');
  });

  it('still applies writes sent after Redis woke up', async () => {
    const prefix = createTestPrefix('after-wake');
    const store = await openStore(prefix);
    redis.pause();
    await sleep(100);
    redis.resume();
    await store.write({ 'conv/after': { step: 'question-3' } });
    expect((await store.read(['conv/after']))['conv/after']?.step).toBe('question-3');
  });
});
