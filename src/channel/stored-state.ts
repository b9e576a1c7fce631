/**
 * The shapes of the conversation and user items this layer stores, checked on every read:
 * an item corrupted on disk, written by an older or foreign program, or edited by hand is
 * reported (by name, never by content) and replaced, instead of crashing the turn.
 */
import { z } from 'zod';
import type { ConversationState } from '../engine/types';
import type { Assignments } from '../experiments/types';
import { LANGS, type Lang } from '../kernel/lang';
import { UNREADABLE_ITEM } from '../storage/etag';
import type { StoreItem } from '../storage/types';

const varValue = z.union([z.string(), z.number(), z.boolean()]);

const frameSchema = z.object({
  dialog: z.string().min(1),
  step: z.string().min(1),
  retries: z.number().int().min(0),
  vars: z.record(z.string(), varValue),
  resume: z.enum(['next', 'reask', 'ask']).optional(),
});

const conversationStateSchema = z.object({
  contentVersion: z.string(),
  stack: z.array(frameSchema),
  scan: z.object({ risk: z.enum(['low', 'medium', 'high']), flags: z.array(z.string()) }).optional(),
});

/** A conversation item (`conv/…`): the engine's state and the A/B assignments. */
const conversationItemSchema = z.looseObject({
  engine: conversationStateSchema,
  ab: z.record(z.string(), z.object({ variant: z.string(), converted: z.boolean().optional() })).optional(),
  eTag: z.string().optional(),
});

/** A user item (`…/users/…`): language, whether it is only assumed, the user's conversations. */
const userItemSchema = z.looseObject({
  lang: z.enum(LANGS as unknown as [Lang, ...Lang[]]).optional(),
  langAssumed: z.boolean().optional(),
  conversations: z.array(z.string()).optional(),
  eTag: z.string().optional(),
}).refine((item) => !(UNREADABLE_ITEM in item));

/** Which stored item did not have its expected shape. */
export type StoredPart = 'conversation' | 'user';

/** A stored item that does not have the shape this version writes; its content is never logged. */
export class InvalidStoredStateError extends Error {
  override name = 'InvalidStoredStateError';

  constructor(readonly part: StoredPart) {
    super(`the stored ${part} state does not have the expected shape (corrupted, or written by another program); it is replaced by a fresh one`);
  }
}

/** A conversation item as read, checked. */
export interface CheckedConversation {
  /** The item when valid (with its eTag), else undefined. */
  item: StoreItem | undefined;
  state: ConversationState | undefined;
  assignments: Assignments | undefined;
  /** The eTag of the stored item, valid or not, so that a write replaces exactly what was read. */
  eTag: string | undefined;
  invalid?: InvalidStoredStateError;
}

/** A user item as read, checked. */
export interface CheckedUser {
  item: StoreItem | undefined;
  eTag: string | undefined;
  invalid?: InvalidStoredStateError;
}

function eTagOf(raw: StoreItem | undefined): string | undefined {
  return typeof raw?.eTag === 'string' ? raw.eTag : undefined;
}

/** Checks a conversation item read from storage (undefined: none stored). */
export function checkConversationItem(raw: StoreItem | undefined): CheckedConversation {
  const eTag = eTagOf(raw);
  if (raw === undefined) return { item: undefined, state: undefined, assignments: undefined, eTag };
  const parsed = conversationItemSchema.safeParse(raw);
  if (!parsed.success) return { item: undefined, state: undefined, assignments: undefined, eTag, invalid: new InvalidStoredStateError('conversation') };
  return { item: raw, state: raw.engine as ConversationState, assignments: raw.ab as Assignments | undefined, eTag };
}

/** Checks a user item read from storage (undefined: none stored). */
export function checkUserItem(raw: StoreItem | undefined): CheckedUser {
  const eTag = eTagOf(raw);
  if (raw === undefined) return { item: undefined, eTag };
  if (!userItemSchema.safeParse(raw).success) return { item: undefined, eTag, invalid: new InvalidStoredStateError('user') };
  return { item: raw, eTag };
}
