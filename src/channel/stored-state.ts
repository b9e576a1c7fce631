/**
 * The shapes of the conversation and user items this layer stores, checked on every read:
 * an item corrupted on disk, written by an older or foreign program, or edited by hand is
 * reported (by name, never by content) and replaced, instead of crashing the turn.
 */
import type { ConversationState } from '../engine/types';
import type { Assignments } from '../experiments/types';
import { isLang } from './user-language';
import { UNREADABLE_ITEM } from '../storage/etag';
import type { StoreItem } from '../storage/types';

// Hand-written checks (run on every read, a zod schema cost a turn 0.05 ms). Objects may carry
// more fields than these (older or newer versions'); the fields named must have these types.

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNonEmptyString = (value: unknown) => typeof value === 'string' && value.length > 0;
const isOptional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const isArrayOf = (value: unknown, check: (v: unknown) => boolean) => Array.isArray(value) && value.every(check);
const isRecordOf = (value: unknown, check: (v: unknown) => boolean) => {
  if (!isObject(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key) && !check(value[key])) return false;
  return true;
};
const isVarValue = (value: unknown) => typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);
const RESUMES = new Set<unknown>(['next', 'reask', 'ask']);
const RISKS = new Set<unknown>(['low', 'medium', 'high']);

/** A dialog frame: dialog and step named, a count of retries, variables of plain values. */
function isFrame(value: unknown): boolean {
  return isObject(value) && isNonEmptyString(value.dialog) && isNonEmptyString(value.step)
    && Number.isSafeInteger(value.retries) && (value.retries as number) >= 0
    && isRecordOf(value.vars, isVarValue) && isOptional(value.resume, (r) => RESUMES.has(r));
}

/** The engine's state: content version, stack of frames, the last scan's risk and flags. */
function isConversationState(value: unknown): boolean {
  return isObject(value) && isString(value.contentVersion) && isArrayOf(value.stack, isFrame)
    && isOptional(value.scan, (scan) => isObject(scan) && RISKS.has(scan.risk) && isArrayOf(scan.flags, isString));
}

const isAssignment = (value: unknown) => isObject(value) && isString(value.variant) && isOptional(value.converted, (c) => typeof c === 'boolean');

/** A conversation item (`conv/…`): the engine's state and the A/B assignments. */
function isConversationItem(item: Fields): boolean {
  return isConversationState(item.engine) && isOptional(item.ab, (ab) => isRecordOf(ab, isAssignment)) && isOptional(item.eTag, isString);
}

/** A user item (`…/users/…`): language, whether it is only assumed, the user's conversations. */
function isUserItem(item: Fields): boolean {
  return !(UNREADABLE_ITEM in item) && isOptional(item.lang, isLang) && isOptional(item.langAssumed, (a) => typeof a === 'boolean')
    && isOptional(item.conversations, (list) => isArrayOf(list, isString)) && isOptional(item.eTag, isString);
}

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
  if (!isObject(raw) || !isConversationItem(raw)) return { item: undefined, state: undefined, assignments: undefined, eTag, invalid: new InvalidStoredStateError('conversation') };
  return { item: raw, state: raw.engine as ConversationState, assignments: raw.ab as Assignments | undefined, eTag };
}

/** Checks a user item read from storage (undefined: none stored). */
export function checkUserItem(raw: StoreItem | undefined): CheckedUser {
  const eTag = eTagOf(raw);
  if (raw === undefined) return { item: undefined, eTag };
  if (!isObject(raw) || !isUserItem(raw)) return { item: undefined, eTag, invalid: new InvalidStoredStateError('user') };
  return { item: raw, eTag };
}
