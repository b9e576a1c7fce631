/** Types of the hand-off to counsellors: the stored hand-off, its messages, the modes. */
import type { OutboundActivity } from '../channel/types';
import type { Lang } from '../kernel/lang';

/** `inbox`: the built-in counsellor inbox; `protocol`: the Bot Framework hand-off protocol (a contact centre); `off`: no hand-off. */
export const HANDOFF_MODES = ['inbox', 'protocol', 'off'] as const;
export type HandoffMode = (typeof HANDOFF_MODES)[number];

/** `waiting`: nobody answered yet; `active`: a counsellor answered; `closed`: ended (by the counsellor, the user or the channel). */
export type HandoffStatus = 'waiting' | 'active' | 'closed';

/** One message of a hand-off, as the counsellor sees it. */
export interface HandoffMessage {
  /** Position in the hand-off, from 1. */
  seq: number;
  from: 'user' | 'staff' | 'bot';
  text: string;
  /** ISO time. */
  at: string;
  /** Counsellor who wrote it (staff messages). */
  staff?: string;
  /** Staff messages: `pending` until the channel accepted it, `failed` after the bounded retries. */
  delivery?: 'pending' | 'delivered' | 'failed';
}

/** Where to send proactive messages: the conversation reference of the user's channel. */
export interface ConversationRef {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
  user: { id: string; name?: string };
  bot: { id: string; name?: string };
  locale?: string;
}

/** A stored hand-off (`handoff/item/<id>`): personal data, kept while open plus STATE_TTL_DAYS. */
export interface HandoffRecord {
  id: string;
  mode: Exclude<HandoffMode, 'off'>;
  status: HandoffStatus;
  lang: Lang;
  startedAt: string;
  lastMessageAt: string;
  assignedTo: string | null;
  pickedUpAt?: string;
  closedAt?: string;
  closedBy?: 'staff' | 'user' | 'channel';
  /** When the user was told that nobody is free yet (or that it is outside the hours). */
  waitNoticeAt?: string;
  /** Storage key of the conversation state (`conv/<hash>`). */
  conversationKey: string;
  reference: ConversationRef;
  messages: HandoffMessage[];
}

/** What the staff API lists. */
export interface HandoffSummary {
  id: string;
  status: HandoffStatus;
  lang: Lang;
  startedAt: string;
  lastMessageAt: string;
  assignedTo: string | null;
}

/** The summary of `record`. */
export function summarise(record: HandoffRecord): HandoffSummary {
  return {
    id: record.id,
    status: record.status,
    lang: record.lang,
    startedAt: record.startedAt,
    lastMessageAt: record.lastMessageAt,
    assignedTo: record.assignedTo,
  };
}

/** Sends `activities` to the conversation of `reference` outside a user turn (src/bot-framework/proactive-sender.ts); rejects when the channel refuses. */
export type SendProactive = (reference: ConversationRef, activities: OutboundActivity[]) => Promise<void>;
