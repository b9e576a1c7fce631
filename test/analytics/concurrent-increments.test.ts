import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineEvent } from '../../src/engine/types';
import { addToDay, nextDay, readDays, toDayKey } from '../../src/analytics/day-store';
import { createAnalyticsRecorder } from '../../src/analytics/recorder';
import { createMemoryStore } from '../../src/storage/memory-store';
import { openRedisConnection, waitForRedis } from '../../src/storage/redis-connection';
import { RedisStateStore } from '../../src/storage/redis-store';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import type { StateStore } from '../../src/storage/types';
import { SHARED_REDIS_URL, createTestPrefix } from '../../testkit/private-redis';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-analytics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = '2031-05-17';
const fixedClock = () => new Date(`${DAY}T12:00:00Z`);
const turn: EngineEvent[] = [
  { type: 'dialog_started', dialog: 'quiz' },
  { type: 'step_reached', dialog: 'quiz', step: 'q1' },
];

/** N "instances" (separate stores on one backend) record and flush at the same time. */
async function runInstances(openStore: () => Promise<StateStore>, instances: number, turnsEach: number): Promise<Record<string, number>> {
  const stores = await Promise.all(Array.from({ length: instances }, openStore));
  const recorders = stores.map((store) => createAnalyticsRecorder({ store, flushIntervalMs: 0, now: fixedClock, maxAttempts: 50 }));
  await Promise.all(
    recorders.map(async (recorder) => {
      for (let i = 0; i < turnsEach; i++) {
        recorder.record(turn, 'vi');
        if (i % 5 === 4) await recorder.flush();
      }
      await recorder.close();
    }),
  );
  for (const r of recorders) expect(r.pendingCount()).toBe(0);
  const [record] = await readDays(stores[0]!, DAY, DAY);
  await Promise.all(stores.map((s) => s.close()));
  return record?.counts ?? {};
}

describe('several instances writing the same day lose no increment', () => {
  it('memory store, 8 writers', async () => {
    const store = createMemoryStore();
    const counts = await runInstances(async () => store, 8, 40);
    expect(counts['started|quiz']).toBe(320);
    expect(counts['step|quiz|q1']).toBe(320);
  });

  it('one SQLite file opened by 4 connections', async () => {
    const file = join(dir, 'shared.db');
    const counts = await runInstances(async () => createSqliteStore(file), 4, 50);
    expect(counts['started|quiz']).toBe(200);
    expect(counts['started_lang|vi']).toBe(200);
  });

  it('Redis with 4 connections', async () => {
    const prefix = createTestPrefix('analytics');
    const open = async () => {
      const client = openRedisConnection({ url: SHARED_REDIS_URL });
      await waitForRedis(client, 3000);
      return new RedisStateStore(client, { prefix });
    };
    const counts = await runInstances(open, 4, 50);
    expect(counts['step|quiz|q1']).toBe(200);
    const cleanup = await open();
    await cleanup.delete([toDayKey(DAY), toDayKey(nextDay(DAY))]);
    await cleanup.close();
  });

  it('gives up with a clear message after too many conflicts, and the recorder keeps the counts queued', async () => {
    const store = createMemoryStore();
    const alwaysConflicting: StateStore = {
      ...store,
      read: (keys) => store.read(keys),
      write: async (changes) => {
        const key = toDayKey(DAY);
        const item = changes[key];
        if (item?.eTag) await store.write({ [key]: { ...item, eTag: '*' } }); // someone else wrote first
        return store.write(changes);
      },
    };
    await expect(addToDay(alwaysConflicting, DAY, new Map([['started|quiz', 1]]), { maxAttempts: 3 })).rejects.toThrow(
      /could not add to analytics\/daily\/2031-05-17 after 3 attempts/,
    );
    const errors: string[] = [];
    const recorder = createAnalyticsRecorder({ store: alwaysConflicting, flushIntervalMs: 0, now: fixedClock, maxAttempts: 2, onError: (e) => errors.push(e.message) });
    recorder.record(turn, 'en');
    await recorder.flush();
    // The three counters of the turn plus `turn` itself, queued for the all-languages record (the language record was written).
    expect(recorder.pendingCount()).toBe(4);
    expect(errors[0]).toMatch(/after 2 attempts/);
  });
});
