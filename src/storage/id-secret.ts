/**
 * The secret that keys the hashes of ids in storage keys and log lines (HMAC). Operators may
 * set it (ID_SECRET; kept outside the storage, it also protects the keys of a stolen database).
 * When none is configured, the bot creates one on its first start and keeps it in its own
 * storage (`system/id-secret`, never expiring), so every instance sharing that storage and
 * every restart uses the same one.
 */
import { createIdHasher, createIdSecret, MIN_ID_SECRET_LENGTH, type IdHasher } from '../log/hash-id';
import { StorageConflictError, StorageUnavailableError } from './errors';
import type { StateStore } from './types';

/** Storage key of the generated secret. */
export const ID_SECRET_KEY = 'system/id-secret';

/** An eTag no stored item ever has: a write carrying it succeeds only when the key is empty. */
const CREATE_ONLY = 'create-only';

/**
 * Returns `configured` when set, else the stored secret, creating it when absent (the first
 * instance to create it wins; the others read the winner's).
 * @throws when the storage cannot be read or written (the bot cannot start without its secret).
 */
export async function loadIdSecret(store: StateStore, configured = ''): Promise<string> {
  if (configured !== '') return configured;
  const stored = await readSecret(store);
  if (stored) return stored;
  try {
    await store.write({ [ID_SECRET_KEY]: { secret: createIdSecret(), eTag: CREATE_ONLY } });
  } catch (error) {
    if (!(error instanceof StorageConflictError)) throw error;
  }
  const created = await readSecret(store);
  if (!created) throw new Error(`The id secret could not be kept in storage (${ID_SECRET_KEY}); check STORAGE_URL, or set ID_SECRET.`);
  return created;
}

async function readSecret(store: StateStore): Promise<string | undefined> {
  const value: unknown = (await store.read([ID_SECRET_KEY]))[ID_SECRET_KEY]?.secret;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Loads the id secret in the background, retrying every `retryMs` while storage does not
 * answer (a bot started while Redis is down still starts, and answers "temporarily
 * unavailable" until its secret is known). `onError` is told the error name of each failure.
 */
export function loadIdSecretInBackground(
  store: StateStore,
  configured: string,
  onLoaded: (secret: string) => void,
  onError: (errorName: string) => void,
  retryMs = 1000,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const attempt = () => {
    loadIdSecret(store, configured).then(
      (secret) => {
        if (!stopped) onLoaded(secret);
      },
      (error: unknown) => {
        onError(error instanceof Error ? error.name : 'UnknownError');
        if (!stopped) timer = setTimeout(attempt, retryMs);
      },
    );
  };
  attempt();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** A hasher whose secret arrives later; until then every hash fails as "storage unavailable". */
export interface DeferredIdHasher extends IdHasher {
  /** Sets the secret (once); hashes work from then on. */
  setSecret(secret: string): void;
  /** True once the secret is set. */
  ready(): boolean;
}

/** Creates a {@link DeferredIdHasher}. */
export function createDeferredIdHasher(): DeferredIdHasher {
  let hasher: IdHasher | undefined;
  const current = (): IdHasher => {
    if (!hasher) {
      throw new StorageUnavailableError({
        backend: 'storage',
        where: 'id secret load',
        problem: 'the id secret is not loaded yet (storage did not answer since start-up)',
        fix: 'check STORAGE_URL, or set ID_SECRET',
      });
    }
    return hasher;
  };
  return {
    parts: (...parts) => current().parts(...parts),
    forLog: (id) => current().forLog(id),
    setSecret(secret) {
      hasher ??= createIdHasher(secret);
    },
    ready: () => hasher !== undefined,
  };
}

/**
 * The operator's secret: ID_SECRET, else LOG_ID_SALT when it is long enough (it keyed log
 * hashes before), else '' (the stored or generated one is used).
 */
export function configuredIdSecret(log: { idSecret?: string | undefined; idSalt: string }, logger?: { warn(obj: object, msg: string): void }): string {
  if (log.idSecret) return log.idSecret;
  if (log.idSalt.length >= MIN_ID_SECRET_LENGTH) return log.idSalt;
  if (log.idSalt !== '') logger?.warn({ minLength: MIN_ID_SECRET_LENGTH }, 'LOG_ID_SALT is too short to key ids; the stored id secret is used (set ID_SECRET)');
  return '';
}
