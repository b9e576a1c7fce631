/**
 * Keyed one-way hashing of identifiers (HMAC-SHA-256), so logs and storage keys never hold raw
 * user or conversation ids, and the hashes cannot be reversed by trying every phone number:
 * without the secret (ID_SECRET, or the one the bot created and keeps in its storage) a hash
 * says nothing. See src/channel/id-secret.ts for where the secret comes from.
 */
import { createHash, createHmac, createSecretKey, randomBytes } from 'node:crypto';

/** Hashes ids with one secret. */
export interface IdHasher {
  /** HMAC of the parts joined by a NUL byte, in hex (the separator keeps `a`+`bc` apart from `ab`+`c`). */
  parts(...parts: string[]): string;
  /** Short keyed hash (16 hex chars) of an id, for log lines. */
  forLog(id: string): string;
}

/** Shortest secret accepted (bytes of UTF-8). */
export const MIN_ID_SECRET_LENGTH = 16;

/**
 * A hasher keyed with `secret`.
 * @throws naming ID_SECRET when the secret is shorter than {@link MIN_ID_SECRET_LENGTH}.
 */
export function createIdHasher(secret: string): IdHasher {
  if (Buffer.byteLength(secret, 'utf8') < MIN_ID_SECRET_LENGTH) {
    throw new Error(`The id secret must be at least ${MIN_ID_SECRET_LENGTH} characters (check ID_SECRET or LOG_ID_SALT; or leave both empty and the bot creates one).`);
  }
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  const parts = (...list: string[]) => createHmac('sha256', key).update(list.join('\u0000')).digest('hex');
  return { parts, forLog: (id) => parts('log', id).slice(0, 16) };
}

/** A hasher with a random secret of its own (in-process tools and tests; nothing persists). */
export function createEphemeralIdHasher(): IdHasher {
  return createIdHasher(randomBytes(32).toString('base64url'));
}

/** A new random secret for {@link createIdHasher}. */
export function createIdSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The unkeyed SHA-256 of earlier versions, kept only to find state stored under the old keys
 * and move it (src/channel/migrate-state-keys.ts). Never used for new keys or logs.
 */
export function legacyHashParts(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
