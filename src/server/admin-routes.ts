/**
 * Campaign managers' routes:
 * - `GET /admin/stats?from=YYYY-MM-DD&to=YYYY-MM-DD`: the anonymous statistics as JSON,
 *   behind `Authorization: Bearer <ADMIN_TOKEN>` (404 when ADMIN_TOKEN is unset, 401
 *   without or with a wrong token; the comparison takes constant time).
 * - `GET /flows`: the dialogs as Mermaid diagrams rendered in the browser, with Mermaid
 *   served from node_modules (offline). Mount it in local mode only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { Router, type Request, type Response } from 'express';
import { loadReport, resolvePeriod } from '../analytics/load-report';
import type { Content } from '../engine/types';
import { formatDiagnostic, type Diagnostic } from '../script/diagnostic';
import type { StateStore } from '../storage/types';
import { buildAllMermaid } from '../tools/graph/write-flows';

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
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Starts Mermaid once the page is loaded (served as a file: the page allows no inline script). */
const FLOWS_SCRIPT = "mermaid.initialize({ startOnLoad: true, securityLevel: 'antiscript', flowchart: { htmlLabels: true } });\n";

function renderFlowsPage(content: Content | null, diagnostics: Diagnostic[]): string {
  const body = content
    ? buildAllMermaid(content)
        .map((f) => `<section id="${escapeHtml(f.dialog)}"><h2>${escapeHtml(f.dialog)}</h2><pre class="mermaid">${escapeHtml(f.mermaid)}</pre></section>`)
        .join('\n')
    : `<p>The dialogs have errors, so no diagram can be drawn. Fix these, then reload:</p><pre>${escapeHtml(diagnostics.map(formatDiagnostic).join('\n'))}</pre>`;
  const index = content
    ? `<nav>${Object.keys(content.dialogs).sort().map((id) => `<a href="#${escapeHtml(id)}">${escapeHtml(id)}</a>`).join(' · ')}</nav>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ThinkFirst conversation flows</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}nav a{margin:0 .2rem}section{border-top:1px solid #ccc;margin-top:2rem}</style>
</head><body>
<h1>ThinkFirst conversation flows</h1>
<p>Hexagon: a question with answers (arrows carry the answer id and its English label). Diamond: a branch. Double box: another dialog. Dotted arrow: answer not understood. The same diagrams are written to docs/flows/ by <code>npm run graph</code>.</p>
${index}
${body}
<script src="/flows/mermaid.min.js"></script>
<script src="/flows/flows.js"></script>
</body></html>
`;
}

/** Router serving `GET /flows`, `/flows/mermaid.min.js` and `/flows/flows.js`. Local mode only. */
export function createFlowsRouter(options: FlowsRouterOptions): Router {
  const router = Router();
  const require = createRequire(import.meta.url);
  router.use('/flows', (_req, res, next) => {
    res.set('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });
  router.get('/flows', (_req, res) => {
    res.type('html').send(renderFlowsPage(options.getContent(), options.getDiagnostics?.() ?? []));
  });
  router.get('/flows/flows.js', (_req, res) => {
    res.type('application/javascript').send(FLOWS_SCRIPT);
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
