/** The staff session cookie: HttpOnly, SameSite=Strict, Secure outside local mode, path `/`. */
import type { Request } from 'express';
import { SESSION_IDLE_MS } from './session-store';

/** Name of the cookie carrying the session token. */
export const SESSION_COOKIE = 'tf_staff';

/** The session token sent by the browser, or '' when there is none. */
export function readSessionToken(req: Request): string {
  const header = req.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return '';
}

/** `Set-Cookie` value starting a session (`secure`: add the Secure attribute). */
export function buildSessionCookie(token: string, secure: boolean): string {
  const maxAge = Math.floor(SESSION_IDLE_MS / 1000);
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

/** `Set-Cookie` value removing the session cookie. */
export function buildClearedCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
