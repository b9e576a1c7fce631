/**
 * Typed storage errors, shared by every backend (memory, SQLite, Redis) and the turn gates.
 * Callers test them with `instanceof`, never by name or message. Each message says what
 * failed, where (backend and operation or file) and how to fix it; the low-level error is
 * kept as `cause`. Free of any Redis or SQLite import, so the channel layer can use them.
 */

/** Where a storage error happened: the backend, and the operation or file. */
export interface StorageErrorPlace {
  /** `SQLite storage`, `Redis storage`, `memory storage`, `turn gate`, ... */
  backend: string;
  /** The operation (`state write`) or the file concerned. */
  where?: string;
}

/** What every storage error carries. */
export interface StorageErrorDetails extends StorageErrorPlace {
  /** What went wrong, in a few words. */
  problem: string;
  /** What the operator (or the caller) should do. */
  fix: string;
  /** The error of the driver, the socket or the timer underneath. */
  cause?: unknown;
}

/** Base class of the storage errors: `backend`, `where` and `cause` are always set when known. */
export abstract class StorageError extends Error {
  readonly backend: string;
  readonly where: string | undefined;

  constructor(details: StorageErrorDetails) {
    const place = details.where ? `${details.backend} (${details.where})` : details.backend;
    super(`${place}: ${details.problem}; ${details.fix}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.backend = details.backend;
    this.where = details.where;
  }
}

/**
 * The backend did not answer in time, is down, closed or busy, or the turn lost its
 * conversation lock. A turn answers "temporarily unavailable" and leaves state as last saved.
 */
export class StorageUnavailableError extends StorageError {
  override name: string = 'StorageUnavailableError';
}

/**
 * A write whose eTag no longer matches the stored item: someone else wrote it since it was
 * read. Read again, recompute, and write again.
 */
export class StorageConflictError extends StorageError {
  override name = 'StorageConflictError';

  constructor(backend: string, where = 'write') {
    super({ backend, where, problem: 'eTag conflict: the item changed since it was read', fix: 'read it again, then retry the write' });
  }
}

/** The database refuses writes: a read-only file, folder or mount, or a Redis replica. */
export class StorageReadOnlyError extends StorageError {
  override name = 'StorageReadOnlyError';
}

/** True when `error` means storage cannot serve the turn now (down, slow, read-only, lock lost). */
export function isStorageUnavailable(error: unknown): error is StorageUnavailableError | StorageReadOnlyError {
  return error instanceof StorageUnavailableError || error instanceof StorageReadOnlyError;
}

/** True for an eTag conflict from any backend. */
export function isStorageConflict(error: unknown): error is StorageConflictError {
  return error instanceof StorageConflictError;
}

/** Names of an error and its causes, outermost first (`StorageReadOnlyError < SqliteError`), for logs: never messages. */
export function describeCauses(error: unknown, depth = 4): string {
  const names: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && names.length < depth) {
    const code = (current as { code?: unknown }).code;
    names.push(typeof code === 'string' ? `${current.name} ${code}` : current.name);
    current = current.cause;
  }
  return names.join(' < ') || typeof error;
}
