/**
 * Local mode (no MicrosoftAppId, no authentication, loopback only) must not be reachable
 * from a web page the NGO staff member happens to visit: a cross-site request or a DNS
 * rebinding attack could otherwise make the bot post to a URL of the attacker's choosing.
 * So in local mode: only loopback `Host` headers (defeats DNS rebinding), a browser `Origin`
 * (or `Sec-Fetch-Site`) must be this same loopback server, and bodies must be
 * `application/json` (a cross-site form or `text/plain` POST needs no CORS pre-flight).
 */
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../log/logger';
import { describeStatus } from './http-errors';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The host name of a `Host` header or URL host (`name[:port]`), lower-cased, brackets kept for IPv6. */
function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.split(':')[0] ?? '';
}

/** True for `localhost`, `127.x.x.x` and `[::1]`, with or without a port. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = hostName(host);
  return LOOPBACK_HOSTS.has(name) || /^127(\.\d{1,3}){3}$/.test(name) || name.endsWith('.localhost');
}

/** True for an http(s) URL whose host is loopback. */
export function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.host);
  } catch {
    return false;
  }
}

/** True when `origin` is this loopback server itself (scheme, host and port). */
function isSameLoopbackOrigin(origin: string, host: string | undefined): boolean {
  return isLoopbackUrl(origin) && host !== undefined && new URL(origin).host === host.trim().toLowerCase();
}

/** Why a local-mode request was refused (logged, never sent). */
function refusal(req: Request): { status: number; reason: string } | undefined {
  if (!isLoopbackHost(req.get('host'))) return { status: 403, reason: 'foreign_host' };
  const origin = req.get('origin');
  if (origin !== undefined && !isSameLoopbackOrigin(origin, req.get('host'))) return { status: 403, reason: 'foreign_origin' };
  if (req.get('sec-fetch-site') === 'cross-site') return { status: 403, reason: 'cross_site' };
  const length = req.get('content-length');
  const hasContent = (length !== undefined && length !== '0') || req.get('transfer-encoding') !== undefined;
  if (hasContent && !req.is('application/json')) return { status: 415, reason: 'not_json' };
  return undefined;
}

/** Middleware enforcing the local-mode rules above on every route it is mounted on. */
export function guardLocalMode(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const refused = refusal(req);
    if (!refused) return next();
    logger.info({ status: refused.status, reason: refused.reason }, 'local-mode request refused');
    const fixed = describeStatus(refused.status);
    res.status(fixed.status).type('text/plain').send(fixed.body);
  };
}
