import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import type { StateStore } from '../../src/storage/types';
import { advanceFixture, createFixtureRuntime } from '../fixtures/platform/fixture-runtime';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { buildMessage, postJson } from '../helpers/http';
import { startTestBot } from '../helpers/start-test-bot';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-lifecycle-'));
let channel: FakeChannel;
beforeAll(async () => {
  channel = await startFakeChannel();
});
afterAll(async () => {
  await channel.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A memory store whose writes take `ms`, and whose ping can be made to hang. */
function createSlowStore(ms: number): StateStore & { hangPing: boolean } {
  const inner = createMemoryStore();
  const store = {
    ...inner,
    hangPing: false,
    write: async (changes: Parameters<StateStore['write']>[0]) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return inner.write(changes);
    },
    ping: () => (store.hangPing ? new Promise<void>(() => undefined) : inner.ping()),
  };
  return store;
}

describe('readiness', () => {
  it('is 503 while content is not loaded, 200 once it is', async () => {
    let runtime: ReturnType<typeof createFixtureRuntime> | null = null;
    const bot = await startTestBot({ runtime: () => runtime, advance: advanceFixture });
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    runtime = createFixtureRuntime();
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    await bot.close();
  });

  it('is 503 when storage does not answer within a second', async () => {
    const store = createSlowStore(0);
    const bot = await startTestBot({ runtime: createFixtureRuntime(), advance: advanceFixture, store });
    store.hangPing = true;
    const started = Date.now();
    const response = await fetch(`${bot.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('not ready');
    expect(Date.now() - started).toBeLessThan(5_000);
    await bot.close();
  });

  it('is 503 when the SQLite database is closed', async () => {
    const store = createSqliteStore(join(dir, 'ready.db'));
    const bot = await startTestBot({ runtime: createFixtureRuntime(), advance: advanceFixture, store });
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    await store.close();
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(503);
    await bot.close();
  });
});

describe('typing indicator', () => {
  it('shows typing before the reply of a slow turn', async () => {
    const bot = await startTestBot({ runtime: createFixtureRuntime(), advance: advanceFixture, store: createSlowStore(1_200) });
    channel.clear();
    await postJson(bot.messagesUrl, buildMessage(channel.url, { conversation: { id: 'slow-typing' } }));
    await channel.waitForMessages(1);
    const types = channel.posts.map((p) => p.activity.type);
    expect(types[0]).toBe('typing');
    expect(types.at(-1)).toBe('message');
    await bot.close();
  });

  it('shows no typing before a fast reply', async () => {
    const bot = await startTestBot({ runtime: createFixtureRuntime(), advance: advanceFixture });
    channel.clear();
    await postJson(bot.messagesUrl, buildMessage(channel.url, { conversation: { id: 'fast-typing' } }));
    await channel.waitForMessages(1);
    expect(channel.posts.map((p) => p.activity.type)).toEqual(['message']);
    await bot.close();
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight turn finish and deliver its reply, then closes storage and refuses new work', async () => {
    const store = createSqliteStore(join(dir, 'shutdown.db'));
    const slow = { ...store, write: async (changes: Parameters<StateStore['write']>[0]) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return store.write(changes);
    } };
    const bot = await startTestBot({ runtime: createFixtureRuntime(), advance: advanceFixture, store: slow });
    channel.clear();
    const inFlight = postJson(bot.messagesUrl, buildMessage(channel.url, { conversation: { id: 'shutdown-1' } }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await bot.close();
    expect((await inFlight).status).toBe(200);
    expect(channel.messages()).toHaveLength(1);
    await expect(store.ping()).rejects.toThrow(/closed/);
    await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
  });

  it('does not wait longer than the grace period for a stuck turn', async () => {
    const store = createSlowStore(10_000);
    const bot = await startTestBot({ runtime: createFixtureRuntime(), advance: advanceFixture, store, shutdownGraceMs: 300 });
    void postJson(bot.messagesUrl, buildMessage(channel.url, { conversation: { id: 'stuck-1' } })).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await bot.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    const lines = bot.logs.entries().map((e) => e.msg);
    expect(lines).toContain('shutdown grace period over; closing anyway');
  });
});
