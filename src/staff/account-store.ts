/**
 * Staff accounts in the bot's StateStore (SQLite by default, Redis when STORAGE_URL is Redis):
 * `staff/account/<name>` holds the roles and the password hash; `staff/accounts` lists the names.
 * Both are kept beyond the personal-data retention (src/storage/retention.ts).
 */
import type { StateStore } from '../storage/types';
import { updateItem } from '../storage/update-item';
import type { PasswordHash } from './password-hash';
import { isStaffRole, type StaffRole } from './roles';

/** A stored staff account. */
export interface StaffAccount {
  name: string;
  roles: StaffRole[];
  password: PasswordHash;
  createdAt: string;
  updatedAt: string;
}

const INDEX_KEY = 'staff/accounts';
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** Storage key of the account `name`. */
function accountKey(name: string): string {
  return `staff/account/${name}`;
}

/**
 * Checks a staff name: 1 to 64 letters (a-z), digits, `.`, `_`, `@` or `-`, starting with a letter or digit.
 * @throws saying what is allowed.
 */
export function checkStaffName(name: string): string {
  if (!NAME_PATTERN.test(name)) {
    throw new Error(`'${name}' is not a valid staff name: use 1 to 64 letters a-z, digits, '.', '_', '@' or '-', starting with a letter or digit`);
  }
  return name;
}

function isAccount(value: unknown): value is StaffAccount {
  const v = value as Partial<StaffAccount> | undefined;
  return typeof v?.name === 'string' && Array.isArray(v.roles) && v.roles.every(isStaffRole) && typeof v.password?.hash === 'string';
}

/** The account `name`, or undefined when there is none (or the name is not a valid one). */
export async function readAccount(store: StateStore, name: string): Promise<StaffAccount | undefined> {
  if (!NAME_PATTERN.test(name)) return undefined;
  const key = accountKey(name);
  const found = (await store.read([key]))[key];
  if (!isAccount(found)) return undefined;
  const { eTag: _etag, ...account } = found as StaffAccount & { eTag?: string };
  return account;
}

/**
 * Creates the account `name`, or updates an existing one: its roles become the union of the
 * old and `roles`, and its password is replaced by `password`.
 * @returns the account as stored and whether it was new.
 */
export async function saveAccount(
  store: StateStore,
  name: string,
  roles: StaffRole[],
  password: PasswordHash,
  now = new Date(),
): Promise<{ account: StaffAccount; created: boolean }> {
  checkStaffName(name);
  const existing = await readAccount(store, name);
  const at = now.toISOString();
  const account: StaffAccount = {
    name,
    roles: [...new Set([...(existing?.roles ?? []), ...roles])].sort(),
    password,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await store.write({ [accountKey(name)]: account });
  await updateItem<{ names: string[] }>(store, INDEX_KEY, { names: [] }, (index) =>
    index.names.includes(name) ? null : { names: [...index.names, name].sort() });
  return { account, created: existing === undefined };
}

/** Removes the account `name`; resolves false when there was none. Its sessions end at their next use. */
export async function removeAccount(store: StateStore, name: string): Promise<boolean> {
  const existing = await readAccount(store, name);
  await store.delete([accountKey(name)]);
  await updateItem<{ names: string[] }>(store, INDEX_KEY, { names: [] }, (index) =>
    index.names.includes(name) ? { names: index.names.filter((n) => n !== name) } : null);
  return existing !== undefined;
}

/** Every account (without password hashes), sorted by name. */
export async function listAccounts(store: StateStore): Promise<Omit<StaffAccount, 'password'>[]> {
  const index = (await store.read([INDEX_KEY]))[INDEX_KEY] as { names?: unknown } | undefined;
  const names = Array.isArray(index?.names) ? index.names.filter((n): n is string => typeof n === 'string') : [];
  if (names.length === 0) return [];
  const found = await store.read(names.map(accountKey));
  return names
    .map((name) => found[accountKey(name)])
    .filter(isAccount)
    .map(({ name, roles, createdAt, updatedAt }) => ({ name, roles, createdAt, updatedAt }));
}
