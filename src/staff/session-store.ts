/**
 * Staff sessions in the StateStore, so every instance knows them and they survive a restart.
 * The cookie carries a random token; storage holds only its SHA-256 (`staff/session/<hash>`),
 * the staff name and the CSRF token. A session ends after {@link SESSION_IDLE_MS} without use.
 */
import { randomBytes } from 'node:crypto';
import type { StateStore } from '../storage/types';
import { sha256Hex } from './constant-time';

/** Sessions expire after 8 hours without a request. */
export const SESSION_IDLE_MS = 8 * 3_600_000;
/** Last-use time is written at most this often, to spare the store. */
const TOUCH_EVERY_MS = 60_000;

/** A live session. */
export interface StaffSession {
  name: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

function sessionKey(token: string): string {
  return `staff/session/${sha256Hex(token)}`;
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function isSession(value: unknown): value is StaffSession {
  const v = value as Partial<StaffSession> | undefined;
  return typeof v?.name === 'string' && typeof v.csrfToken === 'string' && typeof v.lastSeenAt === 'number';
}

/** Session operations over one store and clock. */
export interface SessionStore {
  /** Starts a session for `name`; returns the cookie token and the session. */
  create(name: string): Promise<{ token: string; session: StaffSession }>;
  /** The live session of `token` (touched), or undefined when unknown or idle too long (then deleted). */
  find(token: string): Promise<StaffSession | undefined>;
  /** Ends the session of `token` (no error when there is none). */
  end(token: string): Promise<void>;
}

/** Creates the session store; `now` is for tests. */
export function createSessionStore(store: StateStore, now: () => number = Date.now): SessionStore {
  return {
    async create(name) {
      const token = newToken();
      const at = now();
      const session: StaffSession = { name, csrfToken: newToken(), createdAt: at, lastSeenAt: at };
      await store.write({ [sessionKey(token)]: { ...session } });
      return { token, session };
    },
    async find(token) {
      if (token === '' || token.length > 200) return undefined;
      const key = sessionKey(token);
      const found = (await store.read([key]))[key];
      if (!isSession(found)) return undefined;
      const at = now();
      if (at - found.lastSeenAt > SESSION_IDLE_MS) {
        await store.delete([key]);
        return undefined;
      }
      const session: StaffSession = { name: found.name, csrfToken: found.csrfToken, createdAt: found.createdAt, lastSeenAt: found.lastSeenAt };
      if (at - found.lastSeenAt > TOUCH_EVERY_MS) {
        session.lastSeenAt = at;
        await store.write({ [key]: { ...session } });
      }
      return session;
    },
    async end(token) {
      if (token === '' || token.length > 200) return;
      await store.delete([sessionKey(token)]);
    },
  };
}
