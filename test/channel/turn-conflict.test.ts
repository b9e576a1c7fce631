/**
 * Two turns of one conversation computed at the same time by two bot instances (no shared
 * gate: two SQLite processes on one file, a CLI beside the bot, a lock lost under load), on
 * real SQLite and real Redis. Both read the same state; the second writer meets an eTag
 * conflict, is computed again on fresh state, and no message is lost or apologised for.
 * Only a second conflict in a row gives the apology.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { getStateKeys } from '../../src/channel/state-keys';
import { loadSystemTexts } from '../../src/channel/system-texts';
import { createTurnProcessor, type TurnProcessor } from '../../src/channel/turn-processor';
import type { InboundActivity } from '../../src/channel/types';
import { createIdHasher } from '../../src/log/hash-id';
import { openRedisConnection, waitForRedis } from '../../src/storage/redis-connection';
import { RedisStateStore } from '../../src/storage/redis-store';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import type { StateStore } from '../../src/storage/types';
import { advanceFixture, createFixtureRuntime } from '../fixtures/platform/fixture-runtime';
import { captureLogs, type LogCapture } from '../helpers/capture-logs';
import { createTestPrefix, deleteTestKeys, SHARED_REDIS_URL } from '../../testkit/private-redis';

const system = loadSystemTexts(process.cwd());
const ids = createIdHasher('conflict-test-secret-0123456789');
const runtime = createFixtureRuntime();
const redisPrefix = createTestPrefix('conflict');
const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-conflict-'));
const opened: StateStore[] = [];
let counter = 0;

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await deleteTestKeys(redisPrefix);
});

const backends: [string, () => Promise<StateStore>][] = [
  ['SQLite', async () => createSqliteStore(join(dir, `state-${counter++}.db`))],
  ['Redis', async () => {
    const client = openRedisConnection({ url: SHARED_REDIS_URL });
    await waitForRedis(client, 3000);
    return new RedisStateStore(client, { prefix: `${redisPrefix}${counter++}:` });
  }],
];

const message = (text: string, extra: Partial<InboundActivity> = {}): InboundActivity => ({
  type: 'message', id: `m-${Math.random()}`, channelId: 'test', locale: 'en-US', text,
  conversation: { id: 'conflict-conversation' }, from: { id: 'conflict-user' }, recipient: { id: 'bot' }, ...extra,
});
const keys = getStateKeys(message(''), ids);

/**
 * The store as one bot instance sees it; `hold` makes the next read of the conversation wait
 * until `release` is called (both instances then act on the same state).
 */
function instanceView(store: StateStore) {
  let held: Promise<void> | undefined;
  let release = () => {};
  const view: StateStore = {
    ...store,
    read: async (readKeys) => {
      const items = await store.read(readKeys);
      const wait = held;
      held = undefined;
      if (wait && readKeys.includes(keys.conversation)) await wait;
      return items;
    },
    write: (changes) => store.write(changes),
    delete: (deleted) => store.delete(deleted),
    close: async () => {},
  };
  return {
    view,
    hold: () => {
      held = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

function processorOn(store: StateStore, logs: LogCapture): TurnProcessor {
  return createTurnProcessor({ getRuntime: () => runtime, advance: advanceFixture, store, logger: logs.logger, defaultLang: 'vi', system, ids });
}

const texts = async (processor: TurnProcessor, activity: InboundActivity) => (await processor.processActivity(activity)).replies.map((r) => r.text);

describe.each(backends)('eTag conflict between two instances on real %s', (_name, open) => {
  it('computes the losing turn again on fresh state: both messages count, nobody gets an apology', async () => {
    const store = await open();
    opened.push(store);
    const logs = captureLogs();
    const a = instanceView(store);
    const b = instanceView(store);
    const first = processorOn(a.view, logs);
    const second = processorOn(b.view, logs);
    await texts(first, message('hi'));
    expect(await texts(first, message('English', { value: { choice: 'en' } }))).toEqual(['Menu. Call 111.']);

    // Both instances read the conversation at "0 messages", then both write.
    a.hold();
    b.hold();
    const turnA = texts(first, message('one'));
    const turnB = texts(second, message('two'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    a.release();
    b.release();
    const replies = [...(await turnA), ...(await turnB)].sort();
    expect(replies).toEqual(['Message number 1.', 'Message number 2.']);
    expect(replies.join(' ')).not.toContain(system.en.apology);
    expect(await texts(first, message('three'))).toEqual(['Message number 3.']);

    const turns = logs.entries().filter((e) => e.msg === 'turn');
    expect(turns.filter((e) => e.retried === 1)).toHaveLength(1);
    expect(turns.some((e) => e.error !== undefined)).toBe(false);
  });

  it('apologises only when the state changes under the turn a second time', async () => {
    const store = await open();
    opened.push(store);
    const logs = captureLogs();
    const setup = processorOn(store, logs);
    await texts(setup, message('hi'));
    await texts(setup, message('English', { value: { choice: 'en' } }));
    // Another writer changes the conversation right after each of this instance's reads.
    let interferences = 0;
    const busy: StateStore = {
      ...store,
      read: async (readKeys) => {
        const items = await store.read(readKeys);
        if (readKeys.includes(keys.conversation)) {
          interferences += 1;
          const { eTag: _eTag, ...current } = items[keys.conversation]!;
          await store.write({ [keys.conversation]: current });
        }
        return items;
      },
      write: (changes) => store.write(changes),
      delete: (deleted) => store.delete(deleted),
      close: async () => {},
    };
    expect(await texts(processorOn(busy, logs), message('one'))).toEqual([system.en.apology]);
    expect(interferences).toBe(2);
    expect(logs.entries().filter((e) => e.msg === 'turn').at(-1)).toMatchObject({ error: 'StorageConflictError', retried: 1 });
  });
});
