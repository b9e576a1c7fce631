/**
 * Staff passwords: scrypt with a random 16-byte salt per password, verified in constant time.
 * Only the hash and its parameters are stored, never the password.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Shortest accepted password. */
export const MIN_PASSWORD_LENGTH = 12;

/** A stored password hash with everything needed to verify it. */
export interface PasswordHash {
  algorithm: 'scrypt';
  /** scrypt cost parameters. */
  N: number;
  r: number;
  p: number;
  /** base64 salt and derived key. */
  salt: string;
  hash: string;
}

const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes `password` with a fresh random salt.
 * @throws when it is shorter than {@link MIN_PASSWORD_LENGTH} characters.
 */
export async function hashPassword(password: string): Promise<PasswordHash> {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new Error(`the password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return { algorithm: 'scrypt', ...PARAMS, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** A hash no password matches, verified for unknown names so that they take as long as known ones. */
const DUMMY: PasswordHash = {
  algorithm: 'scrypt', ...PARAMS, salt: Buffer.alloc(16).toString('base64'), hash: Buffer.alloc(KEY_LENGTH, 1).toString('base64'),
};

/**
 * True when `password` matches `stored`. With `stored` undefined (unknown name) a dummy hash
 * is computed anyway and false returned, so timing does not tell which names exist.
 */
export async function verifyPassword(password: string, stored: PasswordHash | undefined): Promise<boolean> {
  const record = stored ?? DUMMY;
  const expected = Buffer.from(record.hash, 'base64');
  const key = await scrypt(password, Buffer.from(record.salt, 'base64'), { N: record.N, r: record.r, p: record.p });
  return key.length === expected.length && timingSafeEqual(key, expected) && stored !== undefined;
}
