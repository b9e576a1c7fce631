/**
 * better-sqlite3 failures as typed storage errors (src/storage/errors.ts), told apart by the
 * driver's result code (`SQLITE_READONLY`, `SQLITE_BUSY`, ...), each naming the database file
 * and the fix. Also checks, before opening, that the file and its folder can be written.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageError, StorageReadOnlyError, StorageUnavailableError } from './errors';

const BACKEND = 'SQLite storage';

/** The user the bot runs as, for the fix of a permission problem. */
function runningUser(): string {
  const uid = process.getuid?.();
  return uid === undefined ? 'the user running the bot' : `the user running the bot (uid ${uid})`;
}

/** The error for a database whose file or folder refuses writes. */
export function sqliteReadOnly(file: string, cause?: unknown): StorageReadOnlyError {
  const folder = dirname(file);
  return new StorageReadOnlyError({
    backend: BACKEND,
    where: file,
    problem: 'the database is read-only (the file, its folder or the disk refuses writes; SQLite also writes its -wal and -shm files beside it)',
    fix: `make '${folder}' and the files in it writable by ${runningUser()} (e.g. chown -R <user> '${folder}'), or point STORAGE_URL at a writable folder`,
    cause,
  });
}

/**
 * Throws {@link StorageReadOnlyError} when `file` exists and cannot be written, or when its
 * folder cannot be written (SQLite creates its journal files there).
 */
export function assertWritable(file: string): void {
  for (const path of [dirname(file), ...(existsSync(file) ? [file] : [])]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      throw sqliteReadOnly(file, error);
    }
  }
}

/** Codes of Node's file system calls (creating the folder) that mean "no writing here". */
const FS_READ_ONLY: ReadonlySet<string> = new Set(['EACCES', 'EPERM', 'EROFS']);
/** ... and that mean the path is wrong. */
const FS_NO_FOLDER: ReadonlySet<string> = new Set(['EEXIST', 'ENOTDIR', 'ENOENT']);

/** The driver's result code of `error` (`SQLITE_BUSY`, ...), if any. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * `error` from the driver during `operation` on `file`, as a typed storage error: read-only
 * codes become StorageReadOnlyError; busy, locked, full, I/O and corrupt databases
 * StorageUnavailableError; anything else is returned as it is.
 */
export function fromSqliteError(error: unknown, file: string, operation: string): unknown {
  if (error instanceof StorageError) return error;
  const code = codeOf(error);
  if (code.startsWith('SQLITE_READONLY') || FS_READ_ONLY.has(code)) return sqliteReadOnly(file, error);
  const unavailable = (problem: string, fix: string) =>
    new StorageUnavailableError({ backend: BACKEND, where: `${operation} on ${file}`, problem, fix, cause: error });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return unavailable('the database stayed locked by another connection for 5 s', 'check that no other process holds a long transaction on it');
  }
  if (code === 'SQLITE_FULL') return unavailable('the disk is full', 'free disk space on the volume of the database');
  if (code.startsWith('SQLITE_IOERR')) return unavailable('an I/O error', 'check the disk and the mount of the database folder');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return unavailable('the file is corrupt or not a SQLite database', 'restore it from a backup, or point STORAGE_URL at another file');
  }
  if (FS_NO_FOLDER.has(code)) return unavailable(`its folder '${dirname(file)}' cannot be created (${code})`, 'check the path in STORAGE_URL');
  if (code.startsWith('SQLITE_CANTOPEN')) return unavailable('the file cannot be opened', 'check STORAGE_URL and that its folder exists');
  return error;
}

/** The error of a store used after `close()`. */
export function sqliteClosed(file: string, operation: string): StorageUnavailableError {
  return new StorageUnavailableError({ backend: BACKEND, where: `${operation} on ${file}`, problem: 'the database is closed', fix: 'the bot is shutting down; try again after it restarts' });
}
