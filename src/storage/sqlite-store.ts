/**
 * SQLite StateStore (`STORAGE_URL=sqlite:./data/thinkfirst.db`), the embedded default:
 * one file, WAL journal, every write batch in one transaction (all or nothing).
 * Retention: personal state older than the TTL is neither read nor kept (purged at open and
 * hourly); anonymous aggregates are kept (see retention.ts).
 * Exactly once across restarts: a write made inside a turn records the turn's activity as
 * processed in the same transaction (`processed_turns` table, kept for the activity's TTL).
 * Deletion: `secure_delete` overwrites deleted content, and a deletion checkpoints the WAL
 * (TRUNCATE), so deleted bytes stay neither in the database file nor in its journal.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreItems } from './types';
import { DEFAULT_STATE_TTL_MS, KEPT_KEY_PATTERNS, isExpiringKey } from './retention';
import type { StateStore } from './types';
import type { TurnActivity } from './turn-activity';
import { assertWritable, fromSqliteError, sqliteClosed } from './sqlite-errors';
import {
  StorageConflictError, assertArgument, canWrite, createEtag, deserialiseItem, listChanges, serialiseItem,
} from './etag';

const BACKEND = 'SQLite storage';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Personal state expires this long after its last write (default: STATE_TTL_DAYS, 30 days). */
  ttlMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** Open the file read-only (it must exist): every write then fails with StorageReadOnlyError. */
  readonly?: boolean;
}

const PURGE_EVERY_MS = 3_600_000;

interface Row {
  key: string;
  etag: string;
  data: string;
}

/**
 * Opens (creating if needed) the SQLite database at `file` (`:memory:` allowed).
 * @throws StorageReadOnlyError naming the file and the fix when it or its folder cannot be
 *   written; StorageUnavailableError when it cannot be opened (locked, corrupt, ...).
 */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): StateStore {
  try {
    return openSqliteStore(file, options);
  } catch (error) {
    throw fromSqliteError(error, file, 'open');
  }
}

function openSqliteStore(file: string, options: SqliteStoreOptions): StateStore {
  const ttlMs = options.ttlMs ?? DEFAULT_STATE_TTL_MS;
  const now = options.now ?? Date.now;
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    if (!options.readonly) assertWritable(file);
  }
  const db = new Database(file, options.readonly ? { readonly: true, fileMustExist: true } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  // Processed activities, clustered by conversation: an insert touches one B-tree (the first
  // layout, keyed by activity with an index by conversation, cost a turn twice as much). The
  // first layout's table only held 24-hour markers: an upgrade drops it.
  if (!options.readonly) db.exec('DROP TABLE IF EXISTS processed');
  db.exec(`CREATE TABLE IF NOT EXISTS processed_turns (
    conversation TEXT NOT NULL,
    key TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (conversation, key)
  ) WITHOUT ROWID`);
  db.exec(`CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY NOT NULL,
    etag TEXT NOT NULL,
    data TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  )`);
  const kept = KEPT_KEY_PATTERNS.map(() => 'key LIKE ?').join(' OR ') || '0';
  // Expiry is checked in JavaScript: a key lookup with the `LIKE` patterns in SQL costs twice as much.
  const selectOne = db.prepare<[string], Row & { updated_at: number }>('SELECT key, etag, data, updated_at FROM state WHERE key = ?');
  const selectEtag = db.prepare<[string], { etag: string; updated_at: number }>('SELECT etag, updated_at FROM state WHERE key = ?');
  const purgeExpired = db.prepare<[number, ...string[]]>(`DELETE FROM state WHERE updated_at < ? AND NOT (${kept})`);
  const isLive = (key: string, row: { updated_at: number } | undefined) => row !== undefined && (row.updated_at >= now() - ttlMs || !isExpiringKey(key));
  const findLive = (key: string) => {
    const row = selectOne.get(key);
    return isLive(key, row) ? row : undefined;
  };
  /** The eTag of a live item (no data read: the write path only compares eTags). */
  const liveEtag = (key: string) => {
    const row = selectEtag.get(key);
    return isLive(key, row) ? row!.etag : undefined;
  };
  const purgeProcessed = db.prepare<[number]>('DELETE FROM processed_turns WHERE expires_at < ?');
  const purge = () => purgeProcessed.run(now()).changes + purgeExpired.run(now() - ttlMs, ...KEPT_KEY_PATTERNS).changes;
  const markProcessed = db.prepare<[string, string, number]>('INSERT OR REPLACE INTO processed_turns (key, conversation, expires_at) VALUES (?, ?, ?)');
  const forgetProcessed = db.prepare<[string]>('DELETE FROM processed_turns WHERE conversation = ?');
  const findProcessed = db.prepare<[string, string, number], { key: string }>('SELECT key FROM processed_turns WHERE conversation = ? AND key = ? AND expires_at >= ?');
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM state WHERE key = ?');
  const writeBatch = db.transaction((list: [string, StoreItems[string]][], activity: TurnActivity | undefined) => {
    const writtenAt = now();
    for (const [key, item] of list) {
      if (!canWrite(liveEtag(key), item)) throw new StorageConflictError(BACKEND);
      upsert.run(key, createEtag(), serialiseItem(item), writtenAt);
    }
    if (activity && list.length > 0) markProcessed.run(activity.key, activity.conversation, writtenAt + activity.ttlMs);
  });
  const deleteBatch = db.transaction((keys: string[]) => {
    for (const key of keys) {
      deleteOne.run(key);
      forgetProcessed.run(key);
    }
  });
  let closed = false;
  const tryPurge = () => {
    try {
      purge();
    } catch {
      // Retried at the next interval.
    }
  };
  if (!options.readonly) purge();
  const purgeTimer = setInterval(() => {
    // A failed purge (disk full, locked) is retried the next hour; reads skip expired rows anyway.
    if (!closed) tryPurge();
  }, PURGE_EVERY_MS);
  purgeTimer.unref();

  /** Runs one operation, with driver errors as typed storage errors naming the file. */
  const run = <T>(operation: string, fn: () => T): T => {
    if (closed) throw sqliteClosed(file, operation);
    try {
      return fn();
    } catch (error) {
      throw fromSqliteError(error, file, operation);
    }
  };

  return {
    async read(keys: string[]): Promise<StoreItems> {
      assertArgument(keys, 'keys', BACKEND);
      return run('state read', () => {
        const found: StoreItems = Object.create(null) as StoreItems;
        for (const key of keys) {
          const row = findLive(key);
          if (row) found[key] = deserialiseItem(row.data, row.etag);
        }
        return found;
      });
    },
    async write(changes: StoreItems, turn?: TurnActivity): Promise<void> {
      assertArgument(changes, 'changes', BACKEND);
      run('state write', () => writeBatch(listChanges(changes), turn));
    },
    async delete(keys: string[]): Promise<void> {
      assertArgument(keys, 'keys', BACKEND);
      run('state delete', () => {
        deleteBatch(keys);
        // secure_delete zeroed the deleted rows in the pages; the checkpoint copies those pages
        // into the database file and empties the WAL, which still held the old page images.
        if (file !== ':memory:') db.pragma('wal_checkpoint(TRUNCATE)');
      });
    },
    async isProcessed(activityKey: string, conversationKey: string): Promise<boolean> {
      return run('processed read', () => findProcessed.get(conversationKey, activityKey, now()) !== undefined);
    },
    async ping(): Promise<void> {
      run('ping', () => db.prepare('SELECT 1').get());
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      clearInterval(purgeTimer);
      db.close();
    },
  };
}
