/**
 * SQLite StateStore (`STORAGE_URL=sqlite:./data/thinkfirst.db`), the embedded default:
 * one file, WAL journal, every write batch in one transaction (all or nothing).
 * Retention: personal state older than the TTL is neither read nor kept (purged at open and
 * hourly); anonymous aggregates are kept (see retention.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreItems } from './types';
import { DEFAULT_STATE_TTL_MS, KEPT_KEY_PATTERNS } from './retention';
import type { StateStore } from './types';
import {
  EtagConflictError, assertArgument, canWrite, createEtag, deserialiseItem, listChanges, serialiseItem,
} from './etag';

const BACKEND = 'SQLite storage';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Personal state expires this long after its last write (default: STATE_TTL_DAYS, 30 days). */
  ttlMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

const PURGE_EVERY_MS = 3_600_000;

interface Row {
  key: string;
  etag: string;
  data: string;
}

/**
 * Opens (creating if needed) the SQLite database at `file` (`:memory:` allowed).
 * @throws when the file cannot be opened, naming it.
 */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): StateStore {
  const ttlMs = options.ttlMs ?? DEFAULT_STATE_TTL_MS;
  const now = options.now ?? Date.now;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw new Error(`${BACKEND}: cannot open '${file}' (${(error as Error).message}). Check STORAGE_URL and the folder's permissions.`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY NOT NULL,
    etag TEXT NOT NULL,
    data TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  )`);
  const kept = KEPT_KEY_PATTERNS.map(() => 'key LIKE ?').join(' OR ') || '0';
  const selectOne = db.prepare<[string, number, ...string[]], Row>(
    `SELECT key, etag, data FROM state WHERE key = ? AND (updated_at >= ? OR ${kept})`,
  );
  const purgeExpired = db.prepare<[number, ...string[]]>(`DELETE FROM state WHERE updated_at < ? AND NOT (${kept})`);
  const findLive = (key: string) => selectOne.get(key, now() - ttlMs, ...KEPT_KEY_PATTERNS);
  const purge = () => purgeExpired.run(now() - ttlMs, ...KEPT_KEY_PATTERNS).changes;
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM state WHERE key = ?');
  const writeBatch = db.transaction((list: [string, StoreItems[string]][]) => {
    const writtenAt = now();
    for (const [key, item] of list) {
      if (!canWrite(findLive(key)?.etag, item)) throw new EtagConflictError(BACKEND);
      upsert.run(key, createEtag(), serialiseItem(item), writtenAt);
    }
  });
  const deleteBatch = db.transaction((keys: string[]) => {
    for (const key of keys) deleteOne.run(key);
  });
  let closed = false;
  purge();
  const purgeTimer = setInterval(() => {
    if (!closed) purge();
  }, PURGE_EVERY_MS);
  purgeTimer.unref();

  return {
    async read(keys: string[]): Promise<StoreItems> {
      assertArgument(keys, 'keys', BACKEND);
      const found: StoreItems = Object.create(null) as StoreItems;
      for (const key of keys) {
        const row = findLive(key);
        if (row) found[key] = deserialiseItem(row.data, row.etag);
      }
      return found;
    },
    async write(changes: StoreItems): Promise<void> {
      assertArgument(changes, 'changes', BACKEND);
      writeBatch(listChanges(changes));
    },
    async delete(keys: string[]): Promise<void> {
      assertArgument(keys, 'keys', BACKEND);
      deleteBatch(keys);
    },
    async ping(): Promise<void> {
      if (closed) throw new Error(`${BACKEND}: the database is closed.`);
      db.prepare('SELECT 1').get();
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      clearInterval(purgeTimer);
      db.close();
    },
  };
}
