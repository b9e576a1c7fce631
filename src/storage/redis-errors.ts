/**
 * Redis failures as typed storage errors (src/storage/errors.ts). Kept free of any Redis
 * import so the channel layer and tests can use them without loading a Redis client.
 */
import { StorageReadOnlyError, StorageUnavailableError } from './errors';

export { StorageUnavailableError };

const BACKEND = 'Redis storage';

/** Redis did not answer `operation` in time, or refused it: the turn gets "temporarily unavailable". */
export function redisUnavailable(operation: string, cause: unknown): StorageUnavailableError {
  const causeName = cause instanceof Error ? cause.name : 'UnknownError';
  return new StorageUnavailableError({
    backend: BACKEND,
    where: operation,
    problem: `no answer (${causeName})`,
    fix: 'check that the server in STORAGE_URL is running and reachable',
    cause,
  });
}

/** Redis refused a write because STORAGE_URL names a read-only replica (a `READONLY` reply). */
export function redisReadOnly(operation: string, cause: unknown): StorageReadOnlyError {
  return new StorageReadOnlyError({
    backend: BACKEND,
    where: operation,
    problem: 'the server is a read-only replica',
    fix: 'point STORAGE_URL at the primary (writable) Redis server',
    cause,
  });
}

/** True for a Redis error reply whose code is READONLY (the protocol's first word of the reply). */
export function isReadOnlyReply(error: unknown): boolean {
  return error instanceof Error && error.message.split(' ', 1)[0] === 'READONLY';
}
