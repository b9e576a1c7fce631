/**
 * Staff sign-in for the hand-off inbox and the dashboard:
 * - `POST /staff/login` `{"name","password"}` → 200 `{"csrfToken","name","roles"}` and the session
 *   cookie; wrong name or password → 401 `{"error":"wrong name or password"}` (same body for both);
 *   after 5 failures for a name within 15 minutes → 429 for that name; malformed → 400.
 * - `POST /staff/logout` → 204; the session ends and the cookie is cleared.
 * - `GET /staff/api/session` → who is signed in and the CSRF token (a page reloaded needs it again).
 * - `GET /staff/assets/*`: the staff pages' script and stylesheet (no CDN).
 * Audit log lines name the staff member, never a password.
 */
import { join } from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import type { Logger } from '../log/logger';
import type { StateStore } from '../storage/types';
import { readAccount } from './account-store';
import { createLoginThrottle } from './login-throttle';
import { verifyPassword } from './password-hash';
import { createRequireStaff, getSignedInStaff, type RequireStaff } from './require-staff';
import { buildClearedCookie, buildSessionCookie, readSessionToken } from './session-cookie';
import { createSessionStore, type SessionStore } from './session-store';

/** Options of {@link createStaffAuth}. */
export interface StaffAuthOptions {
  store: StateStore;
  logger: Logger;
  /** Add `Secure` to the cookie: true outside local mode (HTTPS in front of the bot). */
  secureCookies: boolean;
  /** Clock, for tests. */
  now?: () => number;
}

/** Sign-in routes plus the guard other routers mount. */
export interface StaffAuth {
  router: Router;
  requireStaff: RequireStaff;
  sessions: SessionStore;
}

const ASSETS_DIR = join(import.meta.dirname, 'assets');
/** Files under /staff/assets/. */
export const STAFF_ASSETS = new Map([
  ['staff.css', 'text/css'],
  ['sign-in.js', 'text/javascript'],
  ['inbox.js', 'text/javascript'],
]);

const WRONG = { error: 'wrong name or password' } as const;
const LOCKED = { error: 'too many failed sign-ins for this name; try again in 15 minutes' } as const;

function readCredentials(body: unknown): { name: string; password: string } | undefined {
  const b = body as { name?: unknown; password?: unknown } | null | undefined;
  if (typeof b?.name !== 'string' || typeof b.password !== 'string') return undefined;
  if (b.name.length > 200 || b.password.length > 1_000) return undefined;
  return { name: b.name.trim(), password: b.password };
}

/** Creates the sign-in routes and the `requireStaff` guard over `store`. */
export function createStaffAuth(options: StaffAuthOptions): StaffAuth {
  const { store, logger, secureCookies } = options;
  const now = options.now ?? Date.now;
  const sessions = createSessionStore(store, now);
  const throttle = createLoginThrottle(store, now);
  const requireStaff = createRequireStaff({ store, sessions });
  const router = Router();
  const parseJson = express.json({ limit: '16kb', strict: true, type: () => true });

  router.post('/staff/login', parseJson, async (req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    const credentials = readCredentials(req.body);
    if (!credentials) return void res.status(400).json({ error: 'send JSON {"name": "...", "password": "..."}' });
    if (await throttle.isLocked(credentials.name)) {
      logger.info({ audit: 'sign-in', outcome: 'locked' }, 'staff audit');
      return void res.status(429).set('Retry-After', '900').json(LOCKED);
    }
    const account = await readAccount(store, credentials.name);
    const valid = await verifyPassword(credentials.password, account?.password);
    if (!valid || !account) {
      await throttle.recordFailure(credentials.name);
      logger.info({ audit: 'sign-in', outcome: 'refused' }, 'staff audit');
      return void res.status(401).json(WRONG);
    }
    await throttle.clear(account.name);
    const { token, session } = await sessions.create(account.name);
    logger.info({ audit: 'sign-in', outcome: 'ok', staff: account.name }, 'staff audit');
    res.set('Set-Cookie', buildSessionCookie(token, secureCookies));
    res.status(200).json({ csrfToken: session.csrfToken, name: account.name, roles: account.roles });
  });

  router.post('/staff/logout', async (req: Request, res: Response) => {
    const token = readSessionToken(req);
    const session = token ? await sessions.find(token) : undefined;
    if (token) await sessions.end(token);
    if (session) logger.info({ audit: 'sign-out', staff: session.name }, 'staff audit');
    res.set('Set-Cookie', buildClearedCookie(secureCookies)).set('Cache-Control', 'no-store').status(204).end();
  });

  router.get('/staff/api/session', requireStaff(), (_req: Request, res: Response) => {
    const staff = getSignedInStaff(res);
    res.json({ name: staff.name, roles: staff.roles, csrfToken: staff.csrfToken });
  });

  router.get('/staff/assets/:file', (req: Request, res: Response) => {
    const file = String(req.params.file);
    const type = STAFF_ASSETS.get(file);
    if (!type) return void res.status(404).type('text/plain').send('Not Found');
    res.type(type).sendFile(join(ASSETS_DIR, file), { maxAge: '1h' });
  });

  return { router, requireStaff, sessions };
}
