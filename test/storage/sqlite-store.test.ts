import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { createStore } from '../../src/storage/create-store';
import { describeStorageContract } from './storage-contract';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-sqlite-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStorageContract('sqlite file', async () => createSqliteStore(join(dir, `contract-${counter++}.db`)));
describeStorageContract('sqlite :memory:', async () => createStore('sqlite::memory:'));

describe('SQLite storage on disk', () => {
  it('keeps what was written across a close and reopen of the file', async () => {
    const file = join(dir, 'nested', 'folder', 'restart.db');
    const first = createSqliteStore(file);
    await first.write({ 'user/abc': { lang: 'fr' } });
    const etag = (await first.read(['user/abc']))['user/abc']?.eTag;
    await first.close();

    const second = createSqliteStore(file);
    const item = (await second.read(['user/abc']))['user/abc'];
    expect(item).toMatchObject({ lang: 'fr', eTag: etag });
    await second.close();
  });

  it('rejects a whole batch when one item has a stale eTag', async () => {
    const store = createSqliteStore(join(dir, 'batch.db'));
    await store.write({ a: { n: 1 } });
    const stale = (await store.read(['a'])).a!;
    await store.write({ a: { n: 2 } });
    await expect(store.write({ b: { n: 1 }, a: { ...stale, n: 3 } })).rejects.toThrow(/eTag conflict/);
    expect(await store.read(['b'])).toEqual({});
    await store.close();
  });

  it('fails ping once closed (readiness turns red)', async () => {
    const store = createSqliteStore(join(dir, 'ping.db'));
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
  });
});
