import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { RedisStateStore } from '../../src/storage/redis-store';
import { openRedisConnection, waitForRedis, type RedisConnection } from '../../src/storage/redis-connection';
import { runWithFence, FencedWriteError } from '../../src/storage/redis-fence';
import { StorageReadOnlyError } from '../../src/storage/errors';
import { findFreePort } from '../../testkit/free-port';
import { waitForPong } from '../../testkit/redis-binary';
import { describeStorageContract } from './storage-contract';
import { createTestPrefix, deleteTestKeys, SHARED_REDIS_URL, startPrivateRedis, type PrivateRedis } from '../../testkit/private-redis';

const prefix = createTestPrefix('store');
let counter = 0;

/** A store on its own connection and an empty key space. */
async function openStore(options: { url?: string; ttlSeconds?: number; commandTimeoutMs?: number } = {}): Promise<RedisStateStore> {
  const client = openRedisConnection({ url: options.url ?? SHARED_REDIS_URL, commandTimeoutMs: options.commandTimeoutMs });
  await waitForRedis(client, 3000);
  return new RedisStateStore(client, { prefix: `${prefix}${counter++}:`, ttlSeconds: options.ttlSeconds });
}

describeStorageContract('redis', () => openStore());

describe('Redis storage specifics', () => {
  let raw: RedisConnection;
  beforeAll(async () => {
    raw = createClient({ url: SHARED_REDIS_URL }) as unknown as RedisConnection;
    await raw.connect();
  });
  afterAll(async () => {
    await deleteTestKeys(prefix);
    await raw.close();
  });

  it('round-trips Unicode, NUL and lone surrogates byte for byte', async () => {
    const store = await openStore();
    const text = 'Tiếng Việt ạ ờ đ · français œ é · 中文 · 🙂👩🏽‍💻 · a\u0000b\u0000 · \ud800 lone · \r\n\t';
    await store.write({ 'conv/1': { text, nested: { [text]: text } } });
    const item = (await store.read(['conv/1']))['conv/1']!;
    expect(Buffer.from(item.text as string, 'utf16le').equals(Buffer.from(text, 'utf16le'))).toBe(true);
    expect((item.nested as Record<string, string>)[text]).toBe(text);
    await store.close();
  });

  it('sets the retention TTL on every write and hides user ids from key names', async () => {
    const store = await openStore({ ttlSeconds: 3600 });
    await store.write({ 'msteams/users/secret-user-42': { lang: 'fr' } });
    const keys: string[] = [];
    for await (const batch of raw.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...batch);
    expect(keys.some((key) => key.includes('secret-user-42'))).toBe(false);
    const ttls = await Promise.all(keys.map((key) => raw.ttl(key)));
    expect(ttls.length).toBeGreaterThan(0);
    for (const ttl of ttls) expect(ttl).toBeGreaterThan(3500);
    await store.close();
  });

  it('keeps anonymous analytics aggregates beyond the retention period, and only them', async () => {
    const store = await openStore({ ttlSeconds: 3600 });
    await store.write({ 'analytics/daily/2026-11-29': { counts: { 'started|menu': 3 } }, 'conv/abc': { n: 1 } });
    const keys: string[] = [];
    for await (const batch of raw.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...batch);
    const ttls = (await Promise.all(keys.map((key) => raw.ttl(key)))).sort((a, b) => a - b);
    expect(ttls.filter((ttl) => ttl === -1)).toHaveLength(1);
    expect(ttls.filter((ttl) => ttl > 3500)).not.toHaveLength(0);
    await store.close();
  });

  it('forgets state after the retention period', async () => {
    const store = await openStore({ ttlSeconds: 1 });
    await store.write({ short: { n: 1 } });
    expect(await store.read(['short'])).toHaveProperty('short');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await store.read(['short'])).toEqual({});
    await store.close();
  });

  it('lets exactly one of two writers with the same eTag win', async () => {
    const store = await openStore();
    await store.write({ k: { n: 0 } });
    const base = (await store.read(['k'])).k!;
    const results = await Promise.allSettled([store.write({ k: { ...base, n: 1 } }), store.write({ k: { ...base, n: 2 } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    await store.close();
  });

  it('refuses a write from a turn whose fence is no longer current', async () => {
    const store = await openStore();
    const fenceKey = `${prefix}fence-test`;
    await raw.set(fenceKey, '7');
    await runWithFence({ key: fenceKey, token: '7' }, () => store.write({ f: { n: 1 } }));
    await raw.incr(fenceKey);
    await expect(runWithFence({ key: fenceKey, token: '7' }, () => store.write({ f: { n: 2 } }))).rejects.toThrow(FencedWriteError);
    expect((await store.read(['f'])).f?.n).toBe(1);
    await store.close();
  });
});

describe('Redis storage while Redis is away', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    await redis.remove();
  });

  it('fails fast when the server is down, then works again after it restarts', async () => {
    const store = await openStore({ url: redis.url, commandTimeoutMs: 500 });
    await store.write({ k: { step: 'ask_fee' } });
    await redis.stop();
    const started = Date.now();
    await expect(store.read(['k'])).rejects.toMatchObject({ name: 'StorageUnavailableError' });
    await expect(store.ping()).rejects.toMatchObject({ name: 'StorageUnavailableError' });
    expect(Date.now() - started).toBeLessThan(1500);
    await redis.start();
    await waitForRecovery(store);
    await store.write({ k: { step: 'ask_visa' } });
    expect((await store.read(['k'])).k?.step).toBe('ask_visa');
    await store.close();
  });

  it('bounds every command while the server is frozen (SIGSTOP)', async () => {
    const store = await openStore({ url: redis.url, commandTimeoutMs: 400 });
    redis.pause();
    try {
      const started = Date.now();
      const outcomes = await Promise.allSettled([store.read(['a']), store.write({ a: { n: 1 } }), store.ping()]);
      expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      redis.resume();
    }
    await waitForRecovery(store);
    await store.close();
  });
});

async function waitForRecovery(store: RedisStateStore): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      await store.ping();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('Redis storage on a read-only replica', () => {
  let replica: ChildProcess | undefined;
  let url = '';
  beforeAll(async () => {
    // A replica of a primary that does not exist: it answers reads and refuses every write.
    const port = await findFreePort();
    const primaryPort = await findFreePort();
    replica = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--replicaof', '127.0.0.1', String(primaryPort)], { stdio: 'ignore' });
    await waitForPong(port);
    url = `redis://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    const child = replica;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  });

  it('refuses writes with StorageReadOnlyError naming the fix', async () => {
    const store = await openStore({ url });
    const failure = await store.write({ k: { n: 1 } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageReadOnlyError);
    expect((failure as Error).message).toContain('read-only replica');
    expect((failure as Error).message).toContain('point STORAGE_URL at the primary');
    expect((failure as Error).cause).toBeInstanceOf(Error);
    expect(await store.read(['k'])).toEqual({});
    await store.close();
  });
});
