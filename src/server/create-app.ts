/**
 * The express app: POST /api/messages (hardened, authenticated by CloudAdapter),
 * GET /healthz (alive) and GET /readyz (content loaded and storage answering).
 */
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import type { ChannelEndpoint, InboundActivity } from '../channel/types';
import type { Logger } from '../log/logger';
import { nameError } from '../log/logger';
import { admitTurn } from './admit-turn';
import { limitClientRate } from './client-limits';
import { describeStatus } from './http-errors';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './http-limits';
import type { InFlight } from './in-flight';
import { guardLocalMode } from './local-mode-guard';
import { parseJsonBody } from './parse-json-body';
import { sanitiseActivity } from './sanitise-activity';

/** Largest accepted request body. */
export const MAX_BODY = '256kb';

export interface AppDeps {
  /** The authenticated Bot Framework channel running the bot logic. */
  channel: ChannelEndpoint;
  /** Resolves true when content is loaded and storage answers. */
  isReady: () => Promise<boolean>;
  inFlight: InFlight;
  /** True once shutdown began: new turns get 503. */
  isDraining: () => boolean;
  logger: Logger;
  /** Extra routes (admin statistics, flow diagrams), mounted before the 404 handler. */
  routers?: Router[];
  /** No authentication (no MicrosoftAppId): loopback Host, same-origin, JSON-only, loopback serviceUrl. */
  localMode?: boolean;
  /** Bounds of the HTTP server (defaults: DEFAULT_HTTP_LIMITS). */
  limits?: HttpLimits;
}

/** Sends the fixed body of `status`. */
function sendStatus(res: Response, status: number): void {
  const fixed = describeStatus(status);
  res.status(fixed.status).type('text/plain').send(fixed.body);
}

/** Builds the express app (not listening). */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  const limits = deps.limits ?? DEFAULT_HTTP_LIMITS;
  const localMode = deps.localMode ?? false;
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', limits.trustProxy);

  app.get('/healthz', (_req, res) => {
    res.status(200).type('text/plain').send('ok');
  });

  app.get('/readyz', async (_req, res) => {
    const ready = !deps.isDraining() && (await deps.isReady().catch(() => false));
    res.status(ready ? 200 : 503).type('text/plain').send(ready ? 'ready' : 'not ready');
  });

  if (localMode) app.use(guardLocalMode(deps.logger));
  const clientRate = limitClientRate(limits.clientRequestsPerMinute, deps.logger);
  const admit = admitTurn(deps.inFlight, deps.logger);

  app.post('/api/messages', clientRate, admit, ...parseJsonBody({ limit: MAX_BODY, jsonOnly: localMode }), async (req: Request, res: Response) => {
    if (deps.isDraining()) {
      res.setHeader('Connection', 'close');
      return sendStatus(res, 503);
    }
    const checked = sanitiseActivity(req.body, { loopbackServiceUrl: localMode });
    if (!checked.ok) {
      deps.logger.info({ reason: checked.reason }, 'activity rejected');
      return sendStatus(res, 400);
    }
    try {
      const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      const invoke = await deps.channel.handle(authHeader, checked.activity as unknown as InboundActivity);
      // An invoke the bot does not handle is acknowledged (200), not refused (botbuilder says 501).
      const unhandledInvoke = checked.activity.type === 'invoke' && (invoke === undefined || invoke.status === 501);
      if (unhandledInvoke) return void res.status(200).end();
      const status = invoke?.status ?? 200;
      if (status >= 400) return sendStatus(res, status);
      if (invoke?.body === undefined || invoke.body === null) res.status(status).end();
      else res.status(status).json(invoke.body);
    } catch (error) {
      const status = deps.channel.statusOf(error);
      deps.logger.info({ status, error: nameError(error) }, 'activity refused');
      if (!res.headersSent) sendStatus(res, status);
    }
  });

  for (const router of deps.routers ?? []) app.use(router);
  app.use((_req, res) => sendStatus(res, 404));

  const onError: ErrorRequestHandler = (error: { status?: unknown; type?: unknown }, _req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    deps.logger.info({ status, error: typeof error?.type === 'string' ? error.type : nameError(error) }, 'request refused');
    if (!res.headersSent) sendStatus(res, status);
  };
  app.use(onError);
  return app;
}
