import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RedisTurnGate } from '../../src/storage/redis-gate';
import { RedisStateStore } from '../../src/storage/redis-store';
import { openRedisConnection, waitForRedis } from '../../src/storage/redis-connection';
import { createTestPrefix, deleteTestKeys, SHARED_REDIS_URL, startPrivateRedis } from '../../testkit/private-redis';

const filePrefix = createTestPrefix('gate');
let prefixes = 0;
const nextPrefix = () => `${filePrefix}${prefixes++}:`;
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((thing) => thing.close()));
});

/** `count` gates sharing one key prefix, each on its own connection, like separate instances. */
async function openGates(count: number, options: { prefix?: string; lockTtlMs?: number; lockWaitMs?: number; url?: string } = {}): Promise<RedisTurnGate[]> {
  const prefix = options.prefix ?? nextPrefix();
  const gates: RedisTurnGate[] = [];
  for (let i = 0; i < count; i++) {
    const client = openRedisConnection({ url: options.url ?? SHARED_REDIS_URL, commandTimeoutMs: 500 });
    await waitForRedis(client, 3000);
    const gate = new RedisTurnGate(client, { prefix, lockTtlMs: options.lockTtlMs, lockWaitMs: options.lockWaitMs });
    gates.push(gate);
    opened.push(gate);
  }
  return gates;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fires `count` turns of one conversation, spread over `gates`; records start order and overlap. */
async function fireTurns(gates: RedisTurnGate[], count: number, spacingMs: number) {
  const order: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const runs: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const gate = gates[i % gates.length]!;
    runs.push(
      gate.run('webchat/conversations/c1', `webchat/c1/a${i}`, async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        order.push(i);
        await sleep(5 + ((i * 7) % 11));
        running -= 1;
        return i;
      }),
    );
    if (spacingMs) await sleep(spacingMs);
  }
  const results = await Promise.all(runs);
  return { order, maxRunning, results };
}

describe('Redis turn gate: order', () => {
  it('runs 10 turns fired together at one instance one at a time, in arrival order', async () => {
    const gates = await openGates(1);
    const { order, maxRunning, results } = await fireTurns(gates, 10, 0);
    expect(maxRunning).toBe(1);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results.every((r) => (r as { status: string }).status === 'done')).toBe(true);
  });

  it('runs 10 turns spread over 3 instances one at a time, in arrival order', async () => {
    const gates = await openGates(3);
    const { order, maxRunning } = await fireTurns(gates, 10, 10);
    expect(maxRunning).toBe(1);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('runs 10 turns fired at the same moment on 3 instances one at a time, none lost', async () => {
    const gates = await openGates(3);
    const { order, maxRunning } = await fireTurns(gates, 10, 0);
    expect(maxRunning).toBe(1);
    expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('does not make other conversations wait', async () => {
    const [gate] = await openGates(1);
    const slow = gate!.run('conv/slow', undefined, () => sleep(400));
    const started = Date.now();
    await gate!.run('conv/fast', undefined, async () => undefined);
    expect(Date.now() - started).toBeLessThan(200);
    await slow;
  });
});

describe('Redis turn gate: exactly once', () => {
  it('drops a redelivery that arrives at the same moment on another instance', async () => {
    const [a, b] = await openGates(2);
    let calls = 0;
    const turn = async () => {
      calls += 1;
      await sleep(30);
    };
    const results = await Promise.all([a!.run('conv/d', 'webchat/d/act-1', turn), b!.run('conv/d', 'webchat/d/act-1', turn)]);
    expect(calls).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual(['done', 'duplicate']);
  });

  it('drops a redelivery after the turn finished, but lets a failed turn be retried', async () => {
    const [a, b] = await openGates(2);
    expect((await a!.run('conv/e', 'act-1', async () => 1)).status).toBe('done');
    expect((await b!.run('conv/e', 'act-1', async () => 2)).status).toBe('duplicate');
    await expect(a!.run('conv/e', 'act-2', async () => Promise.reject(new Error('turn failed')))).rejects.toThrow('turn failed');
    expect(await b!.run('conv/e', 'act-2', async () => 'retried')).toEqual({ status: 'done', value: 'retried' });
  });
});

describe('Redis turn gate: exactly once across crashes', () => {
  it('never applies a message twice once its state write committed, even if the turn fails afterwards', async () => {
    const prefix = nextPrefix();
    const [a, b] = await openGates(2, { prefix });
    const storeClient = openRedisConnection({ url: SHARED_REDIS_URL });
    await waitForRedis(storeClient, 3000);
    const store = new RedisStateStore(storeClient, { prefix });
    opened.push(store);
    const failing = a!.run('conv/c', 'act-1', async () => {
      await store.write({ 'conv/c': { step: 2 } });
      throw new Error('replies could not be sent');
    });
    await expect(failing).rejects.toThrow('replies could not be sent');
    let ranAgain = false;
    expect((await b!.run('conv/c', 'act-1', async () => (ranAgain = true))).status).toBe('duplicate');
    expect(ranAgain).toBe(false);
  });

  it('lets a redelivery wait for the running original and run it when the original failed before writing', async () => {
    const [a, b] = await openGates(2);
    const original = a!.run('conv/w', 'act-1', async () => {
      await sleep(150);
      throw new Error('turn failed');
    });
    await sleep(20);
    const redelivery = b!.run('conv/w', 'act-1', async () => 'second try');
    await expect(original).rejects.toThrow('turn failed');
    expect(await redelivery).toEqual({ status: 'done', value: 'second try' });
  });

  it('takes over the claim of an instance that died while processing the activity', async () => {
    const [a, b] = await openGates(2, { lockTtlMs: 300 });
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    void a!.run('conv/k', 'act-1', async () => {
      started();
      await a!.close();
      await sleep(60_000);
    }).catch(() => undefined);
    await running;
    const waitStart = Date.now();
    expect(await b!.run('conv/k', 'act-1', async () => 'taken over')).toEqual({ status: 'done', value: 'taken over' });
    expect(Date.now() - waitStart).toBeLessThan(3000 + 1500);
  });
});

describe('Redis turn gate: holders that die or stall', () => {
  it('frees the lock of a holder that lost Redis within the lock TTL, and fences its late write', async () => {
    const prefix = nextPrefix();
    const [a, b] = await openGates(2, { prefix, lockTtlMs: 400 });
    const storeClient = openRedisConnection({ url: SHARED_REDIS_URL });
    await waitForRedis(storeClient, 3000);
    const store = new RedisStateStore(storeClient, { prefix });
    opened.push(store);
    await store.write({ 'conv/f': { step: 'start' } });

    let holderStarted!: () => void;
    const started = new Promise<void>((resolve) => (holderStarted = resolve));
    const stalled = a!.run('conv/f', undefined, async () => {
      holderStarted();
      (a as unknown as { client: { destroy(): void } }).client.destroy();
      await sleep(900);
      await store.write({ 'conv/f': { step: 'stale' } });
    });
    await started;
    const waitStart = Date.now();
    await b!.run('conv/f', undefined, async () => store.write({ 'conv/f': { step: 'fresh' } }));
    expect(Date.now() - waitStart).toBeLessThan(400 + 300);
    await expect(stalled).rejects.toMatchObject({ name: 'FencedWriteError' });
    expect((await store.read(['conv/f']))['conv/f']?.step).toBe('fresh');
  });
});

describe('Redis turn gate: Redis away', () => {
  it('fails a turn quickly with StorageUnavailableError and works again after Redis restarts', async () => {
    const redis = await startPrivateRedis();
    try {
      const [gate] = await openGates(1, { url: redis.url });
      await redis.stop();
      const started = Date.now();
      let ran = false;
      await expect(gate!.run('conv/o', 'act-1', async () => (ran = true))).rejects.toMatchObject({ name: 'StorageUnavailableError' });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(ran).toBe(false);
      await redis.start();
      await sleep(1200);
      expect(await gate!.run('conv/o', 'act-1', async () => 'after')).toEqual({ status: 'done', value: 'after' });
    } finally {
      await redis.remove();
    }
  });
});

afterAll(() => deleteTestKeys(filePrefix));
