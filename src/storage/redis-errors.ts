/**
 * Errors meaning "shared storage could not serve this turn". Kept free of any Redis import
 * so the channel layer can test for them without loading a Redis client.
 */

/** Raised when Redis cannot answer in time; the turn should get the "temporarily unavailable" reply. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(operation: string, cause: unknown) {
    const causeName = cause instanceof Error ? cause.name : 'UnknownError';
    super(`Redis did not answer during ${operation} (${causeName}); check that the server in STORAGE_URL is running and reachable`, { cause });
  }
}

/** Names of the errors after which the user hears "temporarily unavailable" and state is left as last saved. */
const UNAVAILABLE_NAMES: ReadonlySet<string> = new Set(['StorageUnavailableError', 'LockWaitTimeoutError', 'FencedWriteError']);

/**
 * True when `error` means storage was down, too slow, or the turn lost its conversation
 * lock: the turn must not reset the dialog, and the user gets "temporarily unavailable".
 */
export function isStorageUnavailable(error: unknown): boolean {
  return error instanceof Error && UNAVAILABLE_NAMES.has(error.name);
}
