/**
 * The user's side of a hand-off, inside the user's turns: consent creates the hand-off; while
 * it is open the bot stays silent and the messages go to the counsellor, except danger (the
 * emergency numbers at once) and "stop" / "Back to the bot" (the bot takes over again).
 */
import type { EngineEvent, EngineInput } from '../engine/types';
import { MIN_INTENT_SCORE } from '../engine/route-input';
import type { IdHasher } from '../log/hash-id';
import type { Logger } from '../log/logger';
import type { HandoffStore } from './handoff-store';
import { appendMessage, linkedId, newHandoffId } from './handoff-store';
import type { HandoffReaction, HandoffTurn } from './hooks';
import { toConversationRef } from './conversation-ref';
import type { Schedule } from './hours';
import { buildHandoffInitiation, readHandoffState } from './protocol-event';
import { isKeepWaiting, isStopRequest } from './stop-words';
import type { HandoffMode, HandoffRecord } from './types';
import { sayNotice, waitingChoices, type UserTexts } from './user-texts';

/** Dependencies of the user's side. */
export interface UserSideDeps {
  mode: HandoffMode;
  schedule: Schedule;
  handoffs: HandoffStore;
  texts: UserTexts;
  logger: Logger;
  /** Keyed hashing of ids for log lines. */
  ids: IdHasher;
  now: () => number;
}

/** Longest user message kept for the counsellor (characters). */
const MAX_TEXT = 4_000;

/** Analytics step of the hand-off "dialog" (counted like dialog steps: no ids, no text). */
export function handoffEvent(step: string): EngineEvent {
  return { type: 'step_reached', dialog: 'handoff', step };
}

/** Waiting-time band of a pick-up, for analytics. */
export function waitBand(ms: number): string {
  if (ms < 60_000) return 'wait_under_1m';
  if (ms < 5 * 60_000) return 'wait_1_5m';
  if (ms < 15 * 60_000) return 'wait_5_15m';
  if (ms < 60 * 60_000) return 'wait_15_60m';
  return 'wait_over_1h';
}

/** What closing a hand-off counts in analytics: abandoned when nobody had picked it up. */
function closingEvents(record: HandoffRecord): EngineEvent[] {
  return record.pickedUpAt ? [handoffEvent('closed')] : [handoffEvent('abandoned')];
}

/** The text of a message for the counsellor (a tapped button arrives as its label). */
function messageText(turn: HandoffTurn, input: EngineInput | undefined): string {
  const text = input?.type === 'text' ? input.text : typeof turn.activity.text === 'string' ? turn.activity.text : '';
  return [...text].slice(0, MAX_TEXT).join('');
}

/** Creates the user's side: `onRequest` and `onActivity` of the hooks. */
export function createUserSide(deps: UserSideDeps) {
  const iso = () => new Date(deps.now()).toISOString();
  const logLine = (turn: HandoffTurn, event: string, extra: Record<string, unknown> = {}) =>
    deps.logger.info({ handoff: event, mode: deps.mode, conv: deps.ids.forLog(turn.activity.conversation.id), ...extra }, 'hand-off');

  const close = async (record: HandoffRecord, by: 'user' | 'channel') => {
    await deps.handoffs.update(record.id, (r) => (r.status === 'closed' ? null : { ...r, status: 'closed', closedAt: iso(), closedBy: by }));
    await deps.handoffs.unlink(record.conversationKey);
  };

  async function onRequest(turn: HandoffTurn): Promise<HandoffReaction> {
    if (deps.mode === 'off') return { outputs: [sayNotice('failed')] };
    const at = iso();
    const open = deps.schedule.isOpen(new Date(deps.now()));
    const record: HandoffRecord = {
      id: newHandoffId(),
      mode: deps.mode,
      status: 'waiting',
      lang: turn.lang,
      startedAt: at,
      lastMessageAt: at,
      assignedTo: null,
      conversationKey: turn.conversationKey,
      reference: toConversationRef(turn.activity),
      messages: [],
      ...(open ? {} : { waitNoticeAt: at }),
    };
    await deps.handoffs.create(record);
    logLine(turn, 'requested', { open });
    const outputs = open ? [sayNotice('waiting')] : [sayNotice('closedHours'), waitingChoices()];
    const activities = deps.mode === 'protocol' ? [buildHandoffInitiation(turn.activity, turn.lang)] : [];
    return { outputs, activities, events: [handoffEvent(open ? 'requested_open' : 'requested_closed')] };
  }

  async function onStatus(turn: HandoffTurn, record: HandoffRecord | undefined): Promise<HandoffReaction> {
    const state = readHandoffState(turn.activity);
    // Never rejected: an unknown state or conversation is acknowledged and ignored.
    if (!record || record.status === 'closed' || !state) return { outputs: [] };
    logLine(turn, `status_${state}`);
    if (state === 'accepted') {
      const at = iso();
      await deps.handoffs.update(record.id, (r) => (r.pickedUpAt ? null : { ...r, status: 'active', pickedUpAt: at }));
      return { outputs: [], events: record.pickedUpAt ? [] : [handoffEvent('picked_up'), handoffEvent(waitBand(deps.now() - Date.parse(record.startedAt)))] };
    }
    await close(record, 'channel');
    const notice = state === 'completed' ? sayNotice('endedByCounsellor') : sayNotice('failed');
    return { outputs: [notice], resumeMenu: true, events: closingEvents(record) };
  }

  async function onActivity(turn: HandoffTurn, link: unknown): Promise<HandoffReaction | undefined> {
    const id = linkedId(link);
    const record = id ? await deps.handoffs.read(id) : undefined;
    if (turn.activity.type === 'event') return onStatus(turn, record);
    if (!record || record.status === 'closed') {
      if (link !== undefined) await deps.handoffs.unlink(turn.conversationKey);
      return undefined;
    }
    const input = turn.input;
    if (isStopRequest(input, deps.texts.labels('back_to_bot'))) {
      await close(record, 'user');
      logLine(turn, 'ended_by_user');
      return { outputs: [sayNotice('endedByUser')], resumeMenu: true, events: closingEvents(record) };
    }
    if (isKeepWaiting(input, deps.texts.labels('keep_waiting'))) return { outputs: [sayNotice('stillWaiting')] };
    if (input?.type === 'text' && input.intent === 'delete_data' && input.score >= MIN_INTENT_SCORE) {
      // "Delete my data" leaves the counsellor and asks the bot's confirmation; "yes" deletes the hand-off too.
      await close(record, 'user');
      logLine(turn, 'ended_for_deletion');
      return { outputs: [], resumeInput: input, events: closingEvents(record) };
    }
    const danger = input?.type === 'text' && input.intent === 'danger';
    if (record.mode === 'inbox') {
      const at = iso();
      const dangerText = danger ? deps.texts.text('handoff:notices.danger', record.lang) : '';
      await deps.handoffs.update(record.id, (r) => {
        let next = appendMessage(r, { from: 'user', text: messageText(turn, input), at });
        if (danger) next = appendMessage(next, { from: 'bot', text: dangerText, at });
        return next;
      });
    }
    if (danger) logLine(turn, 'danger_numbers');
    return { outputs: danger ? [sayNotice('danger')] : [] };
  }

  return { onRequest, onActivity };
}
