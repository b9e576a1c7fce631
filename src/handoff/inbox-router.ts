/**
 * The counsellors' inbox over HTTP (counsellor role; state changes need `x-csrf-token`):
 * - `GET  /staff/api/handoffs` → `{"handoffs":[{id,status,lang,startedAt,lastMessageAt,assignedTo}]}`
 * - `GET  /staff/api/handoffs/:id` → the hand-off with its `messages` `[{from,text,at}]`
 * - `POST /staff/api/handoffs/:id/messages` `{"text"}` → delivered to the user (the first one
 *   makes the hand-off `active`, assigned to the sender); 409 once closed
 * - `POST /staff/api/handoffs/:id/close` → the user is told, the bot resumes at the menu
 * - `GET  /staff` → the inbox page. Anything else under /staff/api without a session: 401.
 * Audit: one log line per view, reply and close with the counsellor's name and the hashed
 * conversation id, never the text.
 */
import express, { Router, type Request, type Response } from 'express';
import type { IdHasher } from '../log/hash-id';
import type { Logger } from '../log/logger';
import type { RequireStaff } from '../staff/require-staff';
import { getSignedInStaff } from '../staff/require-staff';
import type { HandoffService } from './handoff-service';
import { sendInboxPage } from './inbox-page';
import { summarise, type HandoffRecord } from './types';

/** Longest counsellor message (characters). */
export const MAX_REPLY_LENGTH = 4_000;

/** Options of {@link createInboxRouter}. */
export interface InboxRouterOptions {
  service: HandoffService;
  requireStaff: RequireStaff;
  logger: Logger;
  /** Keyed hashing of ids: audit lines carry the conversation's hash. */
  ids: IdHasher;
}

const ORDER = { waiting: 0, active: 1, closed: 2 } as const;

/** The hand-off as the API shows it: summary plus messages (no conversation reference). */
function describe(record: HandoffRecord) {
  return {
    ...summarise(record),
    messages: record.messages.map((m) => ({
      from: m.from, text: m.text, at: m.at, ...(m.staff ? { staff: m.staff } : {}), ...(m.delivery ? { delivery: m.delivery } : {}),
    })),
  };
}

/** Creates the inbox routes. */
export function createInboxRouter(options: InboxRouterOptions): Router {
  const { service, requireStaff, logger } = options;
  const router = Router();
  const counsellor = requireStaff('counsellor');
  const parseJson = express.json({ limit: '32kb', strict: true, type: () => true });
  const audit = (action: string, res: Response, record: HandoffRecord) =>
    logger.info({ audit: action, staff: getSignedInStaff(res).name, conv: options.ids.forLog(record.reference.conversation.id) }, 'staff audit');
  const notFound = (res: Response) => void res.status(404).json({ error: 'no such hand-off' });
  /** Inbox hand-offs only: protocol ones belong to the contact centre. */
  const readInbox = async (id: string) => {
    const record = await service.handoffs.read(id);
    return record?.mode === 'inbox' ? record : undefined;
  };

  router.get('/staff', (_req: Request, res: Response) => sendInboxPage(res));

  router.get('/staff/api/handoffs', counsellor, async (_req: Request, res: Response) => {
    const records = (await service.handoffs.list()).filter((r) => r.mode === 'inbox');
    records.sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.status === 'closed' ? b.lastMessageAt.localeCompare(a.lastMessageAt) : a.startedAt.localeCompare(b.startedAt)));
    res.json({ handoffs: records.map(summarise) });
  });

  router.get('/staff/api/handoffs/:id', counsellor, async (req: Request, res: Response) => {
    const record = await readInbox(String(req.params.id));
    if (!record) return notFound(res);
    audit('view', res, record);
    res.json(describe(record));
  });

  router.post('/staff/api/handoffs/:id/messages', counsellor, parseJson, async (req: Request, res: Response) => {
    const text = (req.body as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_REPLY_LENGTH) {
      return void res.status(400).json({ error: `send JSON {"text": "..."} with 1 to ${MAX_REPLY_LENGTH} characters` });
    }
    const id = String(req.params.id);
    if (!(await readInbox(id))) return notFound(res);
    const result = await service.reply(id, getSignedInStaff(res).name, text.trim());
    if (result.status === 'not_found') return notFound(res);
    if (result.status !== 'sent') return void res.status(409).json({ error: 'this hand-off is closed' });
    audit('reply', res, result.record);
    const { message } = result;
    res.json({ message: { from: message.from, text: message.text, at: message.at, staff: message.staff, delivery: message.delivery }, handoff: summarise(result.record) });
  });

  router.post('/staff/api/handoffs/:id/close', counsellor, async (req: Request, res: Response) => {
    const id = String(req.params.id);
    if (!(await readInbox(id))) return notFound(res);
    const closed = await service.close(id, getSignedInStaff(res).name);
    if (!closed) return notFound(res);
    audit('close', res, closed);
    res.json({ handoff: summarise(closed) });
  });

  // Nothing else under /staff/api answers without a session.
  router.use('/staff/api', requireStaff(), (_req: Request, res: Response) => notFound(res));
  return router;
}
