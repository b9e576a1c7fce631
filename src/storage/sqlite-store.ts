/**
 * SQLite StateStore (`STORAGE_URL=sqlite:./data/thinkfirst.db`), the embedded default:
 * one file, WAL journal, every write batch in one transaction (all or nothing).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreItems } from 'botbuilder-core';
import type { StateStore } from './types';
import {
  EtagConflictError, assertArgument, canWrite, createEtag, deserialiseItem, listChanges, serialiseItem,
} from './etag';

const BACKEND = 'SQLite storage';

interface Row {
  key: string;
  etag: string;
  data: string;
}

/**
 * Opens (creating if needed) the SQLite database at `file` (`:memory:` allowed).
 * @throws when the file cannot be opened, naming it.
 */
export function createSqliteStore(file: string): StateStore {
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
  const selectOne = db.prepare<[string], Row>('SELECT key, etag, data FROM state WHERE key = ?');
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM state WHERE key = ?');
  const writeBatch = db.transaction((list: [string, StoreItems[string]][]) => {
    const now = Date.now();
    for (const [key, item] of list) {
      if (!canWrite(selectOne.get(key)?.etag, item)) throw new EtagConflictError(BACKEND);
      upsert.run(key, createEtag(), serialiseItem(item), now);
    }
  });
  const deleteBatch = db.transaction((keys: string[]) => {
    for (const key of keys) deleteOne.run(key);
  });
  let closed = false;

  return {
    async read(keys: string[]): Promise<StoreItems> {
      assertArgument(keys, 'keys', BACKEND);
      const found: StoreItems = Object.create(null) as StoreItems;
      for (const key of keys) {
        const row = selectOne.get(key);
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
      db.close();
    },
  };
}
