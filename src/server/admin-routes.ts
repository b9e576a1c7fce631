/**
 * Campaign managers' routes:
 * - `GET /admin/stats?from=YYYY-MM-DD&to=YYYY-MM-DD`: the anonymous statistics as JSON,
 *   behind `Authorization: Bearer <ADMIN_TOKEN>` (404 when ADMIN_TOKEN is unset, 401
 *   without or with a wrong token; the comparison takes constant time).
 * - `GET /flows`: one dialog at a time as a Mermaid diagram (flows-page.ts), with Mermaid
 *   served from node_modules (offline). Mount it in local mode only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { Router, type Request, type Response } from 'express';
import { loadReport, resolvePeriod } from '../analytics/load-report';
import type { Content } from '../engine/types';
import type { Diagnostic } from '../kernel/diagnostic';
import type { StateStore } from '../storage/types';
import { FLOWS_CSS, FLOWS_SCRIPT, renderFlowsPage, renderSourcePage } from './flows-page';

export interface AdminRouterOptions {
  store: StateStore;
  /** The bearer token (ADMIN_TOKEN); unset or empty: the endpoint answers 404. */
  token: string | undefined;
  /** Counts below this show as "<N>" (STATS_MIN_COUNT, default 5). */
  minCount?: number;
  /** Current content, for the order of steps in the funnels. */
  getContent?: () => Content | null;
  /** Called before reading, e.g. the analytics recorder's flush, so the latest counts show. */
  beforeRead?: () => Promise<void>;
  /** Told about a failed read (log `err.name` only). */
  onError?: (err: Error) => void;
}

/** Body of a 400 for a bad period (fixed: never echoes the query). */
export const BAD_PERIOD = 'Bad Request: from and to must be dates written YYYY-MM-DD, with from not after to.';

/** Digest of a token, so that comparing takes the same time whatever the lengths. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** True when the request carries `Bearer <token>`; constant-time comparison. */
export function hasBearerToken(req: Request, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  const given = digest(match?.[1] ?? '');
  return timingSafeEqual(given, digest(token)) && match !== null;
}

function readQuery(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Router serving `GET /admin/stats`. */
export function createAdminRouter(options: AdminRouterOptions): Router {
  const router = Router();
  router.get('/admin/stats', async (req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    const token = options.token;
    if (!token) return void res.status(404).type('text/plain').send('Not Found');
    if (!hasBearerToken(req, token)) {
      res.set('WWW-Authenticate', 'Bearer realm="thinkfirst-admin"');
      return void res.status(401).type('text/plain').send('Unauthorized');
    }
    let period: { from: string; to: string };
    try {
      period = resolvePeriod(readQuery(req, 'from'), readQuery(req, 'to'));
    } catch {
      // A fixed body: the query is never echoed back.
      return void res.status(400).type('text/plain').send(BAD_PERIOD);
    }
    try {
      await options.beforeRead?.().catch(() => undefined);
      const report = await loadReport(options.store, { ...period, minCount: options.minCount, content: options.getContent?.() });
      res.json(report);
    } catch (err) {
      options.onError?.(err instanceof Error ? err : new Error(String(err)));
      res.status(503).type('text/plain').send('Statistics are unavailable: storage did not answer.');
    }
  });
  return router;
}

export interface FlowsRouterOptions {
  /** Current content, or null when the dialogs have errors. */
  getContent: () => Content | null;
  /** Diagnostics to show when the content is invalid. */
  getDiagnostics?: () => Diagnostic[];
  /** Project folder, for the dialogs' YAML shown at /flows/source (default: the current directory). */
  rootDir?: string;
}

function readText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Router serving `GET /flows?dialog=<id>&lang=<vi|fr|en>` (one dialog, see flows-page.ts),
 * `/flows/source/<dialog>`, `/flows/mermaid.min.js`, `/flows/flows.js` and `/flows/flows.css`. Local mode only.
 */
export function createFlowsRouter(options: FlowsRouterOptions): Router {
  const router = Router();
  const require = createRequire(import.meta.url);
  router.use('/flows', (_req, res, next) => {
    res.set('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });
  router.get('/flows', (req, res) => {
    const wanted = { ...(readText(req, 'dialog') ? { dialog: readText(req, 'dialog') } : {}), ...(readText(req, 'lang') ? { lang: readText(req, 'lang') } : {}) };
    res.type('html').send(renderFlowsPage(options.getContent(), options.getDiagnostics?.() ?? [], wanted));
  });
  router.get('/flows/source/:dialog', (req, res) => {
    const dialog = options.getContent()?.dialogs[String(req.params.dialog)];
    if (!dialog) return void res.status(404).type('text/plain').send('No such dialog: pick one at /flows.');
    res.type('html').send(renderSourcePage(options.rootDir ?? process.cwd(), dialog));
  });
  router.get('/flows/flows.js', (_req, res) => {
    res.type('application/javascript').send(FLOWS_SCRIPT);
  });
  router.get('/flows/flows.css', (_req, res) => {
    res.type('text/css').send(FLOWS_CSS);
  });
  router.get('/flows/mermaid.min.js', (_req, res) => {
    let path: string;
    try {
      path = require.resolve('mermaid/dist/mermaid.min.js');
    } catch {
      return void res.status(501).type('text/plain').send('Mermaid is a development tool, not installed here (npm ci --omit=dev): run npm install to see the flow diagrams.');
    }
    res.sendFile(path, { maxAge: '1h' });
  });
  return router;
}
