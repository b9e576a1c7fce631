/**
 * A minimal Direct Line 3.0 for local testing (Web Chat with `webSocket: false`), served by
 * the bot itself in local mode only:
 * - `POST /v3/directline/conversations` starts a conversation (the bot sends its welcome) and
 *   returns `{ conversationId, token, expires_in }`;
 * - `POST /v3/directline/conversations/:id/activities` runs one turn, returns `{ id }`;
 * - `GET  /v3/directline/conversations/:id/activities?watermark=N` returns the activities
 *   after N (the user's echoed, then the bot's) and the new watermark;
 * - `GET  /v3/directline/conversations/:id` (reconnect) and `POST /v3/directline/tokens/refresh`.
 * Calls on a conversation need `Authorization: Bearer <its token>` (403 otherwise);
 * an unknown conversation is 404, a body that is not an activity 400.
 */
import { randomUUID } from 'node:crypto';
import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from '../../log/logger';
import { nameError } from '../../log/logger';
import { hasBearerToken } from '../admin-routes';
import { parseJsonBody } from '../parse-json-body';
import { describeStatus } from '../http-errors';
import type { InFlight } from '../in-flight';
import { createConversationStore, type ConversationLimits, type DirectLineConversation } from './conversation-store';
import { createLocalChannel } from '../../bot-framework/local-channel';
import type { BotLogic, InboundActivity } from '../../channel/types';
import { DIRECT_LINE_BOT, DIRECT_LINE_CHANNEL, describeUser, readClientActivity } from './read-client-activity';

export interface DirectLineOptions {
  /** The bot logic of /api/messages (rate limit, gate, turn processor). */
  logic: BotLogic;
  inFlight: InFlight;
  isDraining: () => boolean;
  logger: Logger;
  limits?: Partial<ConversationLimits>;
  /** Where the routes live (default `/v3/directline`; the staff preview uses `/preview/directline`). */
  basePath?: string;
  /** Channel id of the activities (default `directline`; the preview's are `preview`, counted as tests). */
  channelId?: string;
  /** Runs before every route (the preview: a signed-in staff member). */
  guard?: RequestHandler;
}

/** Largest accepted activity body (a pasted job offer fits many times). */
const MAX_BODY = '32kb';
const USER_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function sendFixed(res: Response, status: number): void {
  if (status === 403) return void res.status(403).type('text/plain').send('Forbidden');
  const fixed = describeStatus(status);
  res.status(fixed.status).type('text/plain').send(fixed.body);
}

/** Base URL the activities name as their `serviceUrl` (never called: replies are buffered). */
function serviceUrlOf(req: Request, base = '/v3/directline'): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${base}`;
}

/** Creates the router; mount it on the app in local mode only. */
export function createDirectLineRouter(options: DirectLineOptions): Router {
  const { logger } = options;
  const base = options.basePath ?? '/v3/directline';
  const channelId = options.channelId ?? DIRECT_LINE_CHANNEL;
  const store = createConversationStore(options.limits);
  const expiresIn = Math.round((options.limits?.ttlMs ?? 30 * 60_000) / 1000);
  const channel = createLocalChannel((conversationId, reply) => {
    const conversation = store.get(conversationId);
    if (!conversation) return undefined;
    return store.append(conversation, {
      ...reply,
      channelId,
      timestamp: new Date().toISOString(),
      from: { ...DIRECT_LINE_BOT },
      recipient: describeUser(conversation),
    });
  }, options.logic, (error) => {
    logger.error({ error: nameError(error), channel: channelId }, 'turn error outside the turn processor');
  });

  /** Runs one activity through the bot logic, counted as in flight; false when the instance is full. */
  async function runTurn(activity: Record<string, unknown>): Promise<boolean> {
    if (!options.inFlight.tryBegin()) return false;
    try {
      await channel.run(activity as unknown as InboundActivity);
      return true;
    } finally {
      options.inFlight.end();
    }
  }

  const describe = (conversation: DirectLineConversation) => ({ conversationId: conversation.id, token: conversation.token, expires_in: expiresIn });

  /** The conversation named in the URL when the request carries its token; otherwise answers 404/403. */
  function authorise(req: Request, res: Response): DirectLineConversation | undefined {
    const conversation = store.get(String(req.params.id ?? ''));
    if (!conversation) return void sendFixed(res, 404);
    if (!hasBearerToken(req, conversation.token)) return void sendFixed(res, 403);
    return conversation;
  }

  const router = Router();
  const parseJson = parseJsonBody({ limit: MAX_BODY, jsonOnly: true });
  if (options.guard) router.use(base, options.guard);
  router.use(base, (req, res, next) => {
    res.set('Cache-Control', 'no-store');
    if (options.isDraining() && req.method === 'POST') return void sendFixed(res, 503);
    next();
  });

  router.post(`${base}/conversations`, ...parseJson, async (req, res) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as { user?: { id?: unknown }; locale?: unknown };
    const wanted = body.user?.id;
    const userId = typeof wanted === 'string' && USER_ID.test(wanted) ? wanted : `dl_${randomUUID().slice(0, 12)}`;
    const locale = typeof body.locale === 'string' && body.locale.length <= 20 ? body.locale : undefined;
    const conversation = store.create(userId, locale);
    const join = readClientActivity({ type: 'conversationUpdate' }, conversation, serviceUrlOf(req, base), channelId);
    await runTurn({ ...join, id: `${conversation.id}|start`, membersAdded: [{ ...DIRECT_LINE_BOT }, describeUser(conversation)] });
    res.status(201).json(describe(conversation));
  });

  router.post(`${base}/tokens/refresh`, (req, res) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    const conversation = match ? store.findByToken(match[1]!) : undefined;
    if (!conversation) return sendFixed(res, 403);
    res.json(describe(conversation));
  });

  router.get(`${base}/conversations/:id`, (req, res) => {
    const conversation = authorise(req, res);
    if (conversation) res.json(describe(conversation));
  });

  router.post(`${base}/conversations/:id/activities`, ...parseJson, async (req, res) => {
    const conversation = authorise(req, res);
    if (!conversation) return;
    const activity = readClientActivity(req.body, conversation, serviceUrlOf(req, base), channelId);
    if (!activity) return sendFixed(res, 400);
    const id = store.append(conversation, { ...activity, timestamp: new Date().toISOString() });
    if (!(await runTurn({ ...activity, id }))) return void res.set('Retry-After', '1').status(503).type('text/plain').send('Service Unavailable');
    res.json({ id });
  });

  // The channel side of proactive messages (a counsellor's reply, src/handoff/): the adapter posts
  // to `<serviceUrl>/v3/conversations/:id/activities[/:replyTo]`, and the reply joins the buffer.
  const acceptProactive = (req: Request, res: Response) => {
    const conversation = store.get(String(req.params.id ?? ''));
    if (!conversation) return void sendFixed(res, 404);
    const reply = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    if (typeof reply.type !== 'string') return void sendFixed(res, 400);
    const { id: _ignored, ...fields } = reply;
    const id = store.append(conversation, { ...fields, channelId, timestamp: new Date().toISOString(), from: { ...DIRECT_LINE_BOT }, recipient: describeUser(conversation) });
    res.json({ id });
  };
  router.post(`${base}/v3/conversations/:id/activities`, ...parseJson, acceptProactive);
  router.post(`${base}/v3/conversations/:id/activities/:replyTo`, ...parseJson, acceptProactive);

  router.get(`${base}/conversations/:id/activities`, (req, res) => {
    const raw = req.query.watermark;
    const watermark = raw === undefined || raw === '' ? 0 : Number(raw);
    if (!Number.isSafeInteger(watermark) || watermark < 0) return sendFixed(res, 400);
    const conversation = authorise(req, res);
    if (!conversation) return;
    const page = store.listAfter(conversation, watermark);
    res.json({ activities: page.activities, watermark: String(page.watermark) });
  });

  const onError: ErrorRequestHandler = (error: { status?: unknown; type?: unknown }, _req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    logger.info({ status, error: typeof error?.type === 'string' ? error.type : nameError(error), channel: channelId }, 'request refused');
    if (!res.headersSent) sendFixed(res, status);
  };
  router.use(base, onError);
  return router;
}
