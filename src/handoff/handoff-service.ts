/**
 * The hand-off, put together: the hooks of the user's turns, what counsellors do (list, read,
 * reply, close), delivery of their messages, and the watcher that tells a user waiting too long
 * where to call. Everything lives in the bot's storage, so any instance can serve any step and
 * a restart loses nothing.
 */
import type { SystemTexts } from '../channel/system-texts';
import type { AdvanceFn } from '../channel/types';
import { checkConversationItem } from '../channel/stored-state';
import type { Runtime } from '../script/runtime';
import type { EngineEvent } from '../engine/types';
import type { IdHasher } from '../log/hash-id';
import type { Logger } from '../log/logger';
import { nameError } from '../log/logger';
import type { Lang } from '../kernel/lang';
import type { StateStore, TurnGate } from '../storage/types';
import { createDelivery, DEFAULT_DELIVERY, sendWithRetry, type DeliveryOptions } from './delivery';
import { appendMessage, createHandoffStore, handoffLinkKey, type HandoffStore } from './handoff-store';
import type { HandoffHooks } from './hooks';
import type { Schedule } from './hours';
import { RETENTION_VARIABLE } from '../kernel/handoff-notice-keys';
import type { HandoffMessage, HandoffMode, HandoffRecord, SendProactive } from './types';
import { createUserSide, handoffEvent, waitBand } from './user-side';
import { createUserTexts, sayNotice, waitingChoices } from './user-texts';
import { startWaitWatcher } from './wait-watcher';

/** Options of {@link createHandoffService}. */
export interface HandoffServiceOptions {
  mode: HandoffMode;
  /** HANDOFF_WAIT_MS. */
  waitMs: number;
  schedule: Schedule;
  /** STATE_TTL_DAYS, said in the consent text. */
  retentionDays: number;
  store: StateStore;
  /** The bot's turn gate (the Redis gate with several instances). */
  gate: TurnGate;
  logger: Logger;
  /** Keyed hashing of ids for log lines (the bot's). */
  ids: IdHasher;
  getRuntime: () => Runtime | null;
  advance: AdvanceFn;
  system: SystemTexts;
  /** Analytics of the hand-off (steps of `handoff`: requested, picked up, abandoned, waiting bands). */
  onEvents?: (events: EngineEvent[], lang: Lang) => void;
  now?: () => number;
  delivery?: Partial<DeliveryOptions>;
  /** How often the waiting hand-offs are checked (default: a quarter of waitMs, 1 to 15 s). */
  watchEveryMs?: number;
}

/** Result of a counsellor's reply. */
export type ReplyResult = { status: 'sent'; record: HandoffRecord; message: HandoffMessage } | { status: 'closed' | 'not_found' };

/** The hand-off service. */
export interface HandoffService {
  mode: HandoffMode;
  hooks: HandoffHooks;
  handoffs: HandoffStore;
  /** Connects the proactive sender once the adapter exists (src/bot-framework/proactive-sender.ts). */
  setSender(send: SendProactive): void;
  /** Appends a counsellor's message and delivers it (waits up to `waitForDeliveryMs`). */
  reply(id: string, staff: string, text: string): Promise<ReplyResult>;
  /** Closes a hand-off: the user is told and the bot resumes at the menu. Undefined when unknown. */
  close(id: string, staff: string): Promise<HandoffRecord | undefined>;
  /** Starts the waiting watcher. */
  start(): void;
  /** Stops the watcher. Idempotent. */
  stop(): void;
}

/** Creates the hand-off service (the watcher starts with `start()`). */
export function createHandoffService(options: HandoffServiceOptions): HandoffService {
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const handoffs = createHandoffStore(options.store);
  const textVariables = { [RETENTION_VARIABLE]: String(options.retentionDays) };
  const texts = createUserTexts(options.getRuntime, options.system, textVariables);
  const deliveryOptions = { ...DEFAULT_DELIVERY, ...options.delivery };
  let sender: SendProactive | undefined;
  const deliver = createDelivery({ handoffs, gate: options.gate, logger: options.logger, getSender: () => sender, options: deliveryOptions });
  const userSide = createUserSide({ mode: options.mode, schedule: options.schedule, handoffs, texts, logger: options.logger, ids: options.ids, now });
  const record = (events: EngineEvent[], lang: Lang) => {
    try {
      options.onEvents?.(events, lang);
    } catch (error) {
      options.logger.warn({ error: nameError(error) }, 'analytics hook failed');
    }
  };

  const hooks: HandoffHooks = {
    enabled: options.mode !== 'off',
    textVariables,
    linkKey: handoffLinkKey,
    isOfferable: () => options.mode !== 'off' && options.schedule.isOpen(new Date(now())),
    onActivity: userSide.onActivity,
    onRequest: userSide.onRequest,
    onDeleteData: (conversationKey) => handoffs.removeForConversation(conversationKey),
  };

  /** Sends notices (then the menu when `resumeMenu`) to the user, inside the conversation's gate. */
  async function tellUser(target: HandoffRecord, notices: ReturnType<typeof sayNotice | typeof waitingChoices>[], resumeMenu: boolean): Promise<boolean> {
    const send = sender;
    if (!send) return false;
    const result = await options.gate.run(target.conversationKey, undefined, async () => {
      const outputs = [...notices];
      const runtime = options.getRuntime();
      if (resumeMenu && runtime) {
        const key = target.conversationKey;
        const item = (await options.store.read([key]))[key];
        // An unreadable item (corrupted, foreign) is replaced: the menu starts afresh.
        const stored = checkConversationItem(item).state;
        const advanced = options.advance(runtime.content, stored, { type: 'intent', intent: 'menu' });
        outputs.push(...advanced.outputs);
        await options.store.write({ [key]: { engine: advanced.state, ...(item?.eTag ? { eTag: item.eTag } : {}) } });
      }
      const activities = texts.render(outputs, target.lang, target.reference.channelId, hooks);
      return sendWithRetry(send, target.reference, activities, deliveryOptions, options.logger);
    });
    return result.status === 'done' && result.value;
  }

  const watcher = {
    stop: () => undefined as void,
  };

  return {
    mode: options.mode,
    hooks,
    handoffs,
    setSender(send) {
      sender = send;
    },
    async reply(id, staff, text) {
      const at = iso();
      let firstPickUp = false;
      const updated = await handoffs.update(id, (r) => {
        if (r.status === 'closed') return null;
        firstPickUp = r.status === 'waiting';
        const next = appendMessage(r, { from: 'staff', text, at, staff, delivery: 'pending' });
        return firstPickUp ? { ...next, status: 'active', assignedTo: staff, pickedUpAt: at } : { ...next, assignedTo: r.assignedTo ?? staff };
      });
      if (!updated) return { status: 'not_found' };
      if (updated.status === 'closed') return { status: 'closed' };
      const seq = updated.messages.at(-1)!.seq;
      if (firstPickUp) record([handoffEvent('picked_up'), handoffEvent(waitBand(now() - Date.parse(updated.startedAt)))], updated.lang);
      const delivered = (await deliver(id)) ?? updated;
      const message = delivered.messages.find((m) => m.seq === seq) ?? updated.messages.at(-1)!;
      return { status: 'sent', record: delivered, message };
    },
    async close(id, _staff) {
      const at = iso();
      let wasOpen = false;
      const closed = await handoffs.update(id, (r) => {
        wasOpen = r.status !== 'closed';
        return wasOpen ? { ...r, status: 'closed', closedAt: at, closedBy: 'staff' } : null;
      });
      if (!closed || !wasOpen) return closed;
      await handoffs.unlink(closed.conversationKey);
      record([handoffEvent(closed.pickedUpAt ? 'closed' : 'abandoned')], closed.lang);
      const told = await tellUser(closed, [sayNotice('endedByCounsellor')], true);
      if (!told) options.logger.warn({ conv: options.ids.forLog(closed.reference.conversation.id) }, 'hand-off closed; the user could not be told');
      return closed;
    },
    start() {
      if (options.mode !== 'inbox') return;
      const every = options.watchEveryMs ?? Math.min(15_000, Math.max(1_000, Math.floor(options.waitMs / 4)));
      watcher.stop = startWaitWatcher({
        handoffs, waitMs: options.waitMs, everyMs: every, now, logger: options.logger,
        notify: async (target) => {
          const at = iso();
          await handoffs.update(target.id, (r) => appendMessage(r, { from: 'bot', text: texts.text('handoff:notices.wait_timeout', r.lang), at }));
          return tellUser(target, [sayNotice('waitTimeout'), waitingChoices()], false);
        },
      });
    },
    stop() {
      watcher.stop();
    },
  };
}
