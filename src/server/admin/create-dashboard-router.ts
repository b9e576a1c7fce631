/**
 * `GET /admin`: the campaign dashboard, for signed-in staff with the `manager` role
 * (no session: the sign-in page; another role: 403). `GET /admin/dashboard.csv`: the
 * numbers on the page. Both take `from`, `to` (YYYY-MM-DD), `lang` and `test=1`.
 * `GET /admin/stats` with ADMIN_TOKEN (machines) stays in admin-routes.ts.
 */
import { Router, type Request, type Response } from 'express';
import { loadReport, parseLang, resolvePeriod } from '../../analytics/load-report';
import type { Content } from '../../engine/types';
import type { Experiment } from '../../experiments/types';
import type { RequireStaff } from '../../staff/require-staff';
import type { StateStore } from '../../storage/types';
import { DASHBOARD_CSS, renderDashboardPage, type DashboardQuery } from './dashboard-page';
import { buildDashboardSections, formatDashboardCsv } from './dashboard-sections';
import { escapeHtml } from '../../kernel/escape-html';

/** Options of {@link createDashboardRouter}. */
export interface DashboardRouterOptions {
  store: StateStore;
  requireStaff: RequireStaff;
  /** Counts below this show as "<N>" (STATS_MIN_COUNT). */
  minCount: number;
  getContent: () => Content | null;
  getExperiments: () => readonly Experiment[];
  /** Called before reading, e.g. the analytics recorder's flush. */
  beforeRead?: () => Promise<void>;
  /** Told about a failed read (log `err.name` only). */
  onError?: (err: Error) => void;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function readQuery(req: Request): DashboardQuery {
  const text = (name: string) => (typeof req.query[name] === 'string' && req.query[name] !== '' ? (req.query[name] as string) : undefined);
  const period = resolvePeriod(text('from'), text('to'));
  const lang = text('lang');
  return { ...period, ...(lang ? { lang: parseLang(lang) } : {}), includeTest: text('test') === '1' };
}

/** Router of the dashboard. */
export function createDashboardRouter(options: DashboardRouterOptions): Router {
  const router = Router();
  const manager = options.requireStaff('manager', { signedOut: 'page' });

  async function build(req: Request, res: Response) {
    let query: DashboardQuery;
    try {
      query = readQuery(req);
    } catch (err) {
      res.status(400).type('html').send(`<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Dashboard</title><p>${escapeHtml((err as Error).message)}</p><p><a href="/admin">Back to the dashboard</a></p>`);
      return undefined;
    }
    try {
      await options.beforeRead?.().catch(() => undefined);
      const report = await loadReport(options.store, {
        from: query.from, to: query.to, minCount: options.minCount, content: options.getContent(),
        experiments: options.getExperiments(), ...(query.lang ? { lang: query.lang } : {}), includeTest: query.includeTest,
      });
      return { query, report, sections: buildDashboardSections(report) };
    } catch (err) {
      options.onError?.(err instanceof Error ? err : new Error(String(err)));
      res.status(503).type('text/plain').send('Statistics are unavailable: storage did not answer. Try again in a minute.');
      return undefined;
    }
  }

  router.use('/admin', (req, res, next) => {
    if (req.path !== '/stats') res.set(SECURITY_HEADERS);
    next();
  });
  router.get('/admin/assets/dashboard.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'max-age=3600').send(DASHBOARD_CSS);
  });
  router.get(['/admin', '/admin/'], manager, async (req, res) => {
    const built = await build(req, res);
    if (built) res.type('html').send(renderDashboardPage(built.report, built.sections, built.query));
  });
  router.get('/admin/dashboard.csv', manager, async (req, res) => {
    const built = await build(req, res);
    if (!built) return;
    const name = `thinkfirst-${built.query.from}-to-${built.query.to}${built.query.lang ? `-${built.query.lang}` : ''}.csv`;
    res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${name}"`).send(formatDashboardCsv(built.sections, built.report));
  });
  return router;
}
