import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { createStore } from '../../src/storage/create-store';
import { StorageReadOnlyError } from '../../src/storage/errors';
import { UNREADABLE_ITEM } from '../../src/storage/etag';
import { describeStorageContract } from './storage-contract';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-sqlite-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStorageContract('sqlite file', async () => createSqliteStore(join(dir, `contract-${counter++}.db`)));
describeStorageContract('sqlite :memory:', async () => createStore('sqlite::memory:'));

describe('SQLite storage on disk', () => {
  it('records a turn\'s activity as processed with its write, per conversation, and drops the first layout\'s table on upgrade', async () => {
    const file = join(dir, 'processed.db');
    const old = new Database(file);
    old.exec('CREATE TABLE processed (key TEXT PRIMARY KEY NOT NULL, conversation TEXT NOT NULL, expires_at INTEGER NOT NULL)');
    old.exec('CREATE INDEX processed_by_conversation ON processed (conversation)');
    old.prepare('INSERT INTO processed VALUES (?, ?, ?)').run('a-old', 'conv/1', Date.now() + 60_000);
    old.close();
    const store = createSqliteStore(file);
    const turn = { key: 'a-1', conversation: 'conv/1', ttlMs: 60_000 };
    await store.write({ 'conv/1': { engine: { step: 1 } } }, turn);
    expect(await store.isProcessed!('a-1', 'conv/1')).toBe(true);
    expect(await store.isProcessed!('a-1', 'conv/2')).toBe(false);
    expect(await store.isProcessed!('a-2', 'conv/1')).toBe(false);
    await store.delete(['conv/1']);
    expect(await store.isProcessed!('a-1', 'conv/1')).toBe(false);
    await store.close();
    const check = new Database(file, { readonly: true });
    const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    check.close();
    expect(tables.map((t) => t.name).sort()).toEqual(['processed_turns', 'state']);
  });

  it('refuses writes to a database opened read-only with StorageReadOnlyError naming the file and the fix', async () => {
    const file = join(dir, 'read-only.db');
    const writable = createSqliteStore(file);
    await writable.write({ 'user/ro': { lang: 'vi' } });
    await writable.close();
    const store = createSqliteStore(file, { readonly: true });
    expect((await store.read(['user/ro']))['user/ro']).toMatchObject({ lang: 'vi' });
    const failure = await store.write({ 'user/ro': { lang: 'fr' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageReadOnlyError);
    expect((failure as Error).message).toContain(file);
    expect((failure as Error).message).toMatch(/writable by .*or point STORAGE_URL at a writable folder/);
    expect((failure as Error).cause).toMatchObject({ code: 'SQLITE_READONLY' });
    await store.close();
  });

  it('reads a row whose bytes are not JSON as an unreadable item instead of failing the whole read', async () => {
    const file = join(dir, 'broken-row.db');
    const store = createSqliteStore(file);
    await store.write({ good: { n: 1 }, bad: { n: 2 } });
    const raw = new Database(file);
    raw.prepare("UPDATE state SET data = '{broken' WHERE key = 'bad'").run();
    raw.close();
    const items = await store.read(['good', 'bad']);
    expect(items.good).toMatchObject({ n: 1 });
    expect(items.bad).toMatchObject({ [UNREADABLE_ITEM]: true, eTag: expect.any(String) });
    await store.close();
  });

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

  it('forgets personal state after the retention period and erases it from the file, but keeps analytics', async () => {
    const file = join(dir, 'retention.db');
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const day = 86_400_000;
    const first = createSqliteStore(file, { ttlMs: 30 * day, now: () => clock });
    await first.write({ 'conv/a': { step: 'ask_fee' }, 'user/a': { lang: 'fr' }, 'analytics/daily/2026-01-01': { n: 7 } });
    clock += 29 * day;
    expect(Object.keys(await first.read(['conv/a', 'user/a'])).sort()).toEqual(['conv/a', 'user/a']);
    clock += 2 * day;
    expect(await first.read(['conv/a', 'user/a'])).toEqual({});
    expect(await first.read(['analytics/daily/2026-01-01'])).toHaveProperty(['analytics/daily/2026-01-01', 'n'], 7);
    await first.close();
    // Reopening purges: the expired rows are gone from the file itself, not only hidden.
    const second = createSqliteStore(file, { ttlMs: 30 * day, now: () => clock });
    await second.close();
    const db = new Database(file, { readonly: true });
    const keys = db.prepare('SELECT key FROM state ORDER BY key').all() as { key: string }[];
    db.close();
    expect(keys.map((row) => row.key)).toEqual(['analytics/daily/2026-01-01']);
  });

  it('treats an expired item as absent: a new write over it succeeds', async () => {
    let clock = 0;
    const store = createSqliteStore(join(dir, 'ghost.db'), { ttlMs: 1_000, now: () => clock });
    await store.write({ 'conv/g': { n: 1 } });
    clock = 5_000;
    await expect(store.write({ 'conv/g': { n: 2, eTag: '*' } })).resolves.toBeUndefined();
    expect(await store.read(['conv/g'])).toHaveProperty(['conv/g', 'n'], 2);
    await store.close();
  });

  it('fails ping once closed (readiness turns red)', async () => {
    const store = createSqliteStore(join(dir, 'ping.db'));
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
  });
});
