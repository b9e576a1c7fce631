/**
 * Express guard for staff-only routes (the hand-off inbox, the campaign dashboard, the preview):
 *
 * ```ts
 * router.get('/staff/api/handoffs', requireStaff('counsellor'), handler);
 * router.get('/admin', requireStaff('manager', { signedOut: 'page' }), handler);
 * ```
 *
 * - No valid session: 401 `{"error":"sign in first"}` (or, with `signedOut: 'page'`, the sign-in page).
 * - A session whose account lacks the role (or was removed): 403 `{"error":"forbidden"}`.
 * - A state-changing method (anything but GET, HEAD, OPTIONS) without the session's
 *   `x-csrf-token` header: 403 `{"error":"missing or wrong x-csrf-token"}`.
 * - Otherwise `res.locals.staff` holds {@link SignedInStaff} and the route runs.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { StateStore } from '../storage/types';
import { readAccount } from './account-store';
import { equalSecrets } from './constant-time';
import type { StaffRole } from './roles';
import { readSessionToken } from './session-cookie';
import type { SessionStore } from './session-store';
import { sendSignInPage } from './sign-in-page';

/** Who is signed in, as set on `res.locals.staff`. */
export interface SignedInStaff {
  name: string;
  roles: StaffRole[];
  csrfToken: string;
}

/** Options of one guard. */
export interface RequireStaffOptions {
  /** What a request without a session gets: `json` (401 JSON, default) or `page` (the sign-in page, status 401). */
  signedOut?: 'json' | 'page';
}

/** The guard factory returned by {@link createRequireStaff}. */
export type RequireStaff = (role?: StaffRole | StaffRole[], options?: RequireStaffOptions) => RequestHandler;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in staff member of a request that passed a guard. */
export function getSignedInStaff(res: Response): SignedInStaff {
  const staff = res.locals.staff as SignedInStaff | undefined;
  if (!staff) throw new Error('getSignedInStaff: no staff on this request; mount requireStaff(...) before the route.');
  return staff;
}

/**
 * Builds `requireStaff(role?, options?)` over the session and account stores. `role` may be
 * one role or a list (any of them will do); without it any signed-in staff member passes.
 */
export function createRequireStaff(deps: { store: StateStore; sessions: SessionStore }): RequireStaff {
  return (role, options = {}) => {
    const wanted = role === undefined ? [] : Array.isArray(role) ? role : [role];
    return async (req: Request, res: Response, next: NextFunction) => {
      res.set('Cache-Control', 'no-store');
      try {
        const session = await deps.sessions.find(readSessionToken(req));
        const account = session ? await readAccount(deps.store, session.name) : undefined;
        if (!session || !account) {
          if (options.signedOut === 'page' && req.method === 'GET') return sendSignInPage(res);
          return void res.status(401).json({ error: 'sign in first' });
        }
        if (wanted.length > 0 && !wanted.some((r) => account.roles.includes(r))) {
          return void res.status(403).json({ error: 'forbidden' });
        }
        if (!SAFE_METHODS.has(req.method) && !equalSecrets(req.get('x-csrf-token') ?? '', session.csrfToken)) {
          return void res.status(403).json({ error: 'missing or wrong x-csrf-token' });
        }
        res.locals.staff = { name: account.name, roles: account.roles, csrfToken: session.csrfToken } satisfies SignedInStaff;
        next();
      } catch (error) {
        next(error);
      }
    };
  };
}
