/**
 * Hand-offs in the bot's StateStore, shared by every instance (SQLite or Redis):
 * - `handoff/item/<id>`: the hand-off with its messages (expires with personal state);
 * - `handoff/for/<conversation key>`: the open hand-off of a conversation, read with its state;
 * - `handoff/index`: ids of the stored hand-offs, for the inbox list.
 * Every change is an eTag compare-and-set, so two instances never lose each other's messages.
 */
import { randomBytes } from 'node:crypto';
import type { StateStore } from '../storage/types';
import { updateExistingItem, updateItem } from '../storage/update-item';
import type { HandoffMessage, HandoffRecord } from './types';

const INDEX_KEY = 'handoff/index';
const ID_PATTERN = /^[a-f0-9]{16}$/;

/** Storage key of hand-off `id`. */
export function handoffKey(id: string): string {
  return `handoff/item/${id}`;
}

/** Storage key of the link from a conversation (`conv/<hash>`) to its open hand-off. */
export function handoffLinkKey(conversationKey: string): string {
  return `handoff/for/${conversationKey}`;
}

/** A new random hand-off id (16 hex characters; no user data in it). */
export function newHandoffId(): string {
  return randomBytes(8).toString('hex');
}

/** The hand-off id linked in a stored link item, if any. */
export function linkedId(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && ID_PATTERN.test(id) ? id : undefined;
}

function isRecord(value: unknown): value is HandoffRecord {
  const v = value as Partial<HandoffRecord> | undefined;
  return typeof v?.id === 'string' && typeof v.status === 'string' && Array.isArray(v.messages) && typeof v.reference === 'object';
}

function strip(item: object): HandoffRecord {
  const { eTag: _etag, ...record } = item as Record<string, unknown>;
  return record as unknown as HandoffRecord;
}

/** Hand-off storage over one StateStore. */
export interface HandoffStore {
  /** Stores a new hand-off, links its conversation to it and lists it. */
  create(record: HandoffRecord): Promise<void>;
  read(id: string): Promise<HandoffRecord | undefined>;
  /**
   * Changes hand-off `id` with compare-and-set (`change` returns null to leave it).
   * Resolves undefined when there is no such hand-off.
   */
  update(id: string, change: (record: HandoffRecord) => HandoffRecord | null): Promise<HandoffRecord | undefined>;
  /** Removes the link of a conversation (the hand-off ended; the bot answers again). */
  unlink(conversationKey: string): Promise<void>;
  /** Every stored hand-off (expired ones are dropped from the index). */
  list(): Promise<HandoffRecord[]>;
  /** "Delete my data": removes the conversation's hand-off, its messages and its link. */
  removeForConversation(conversationKey: string): Promise<void>;
}

/** Creates the hand-off store. */
export function createHandoffStore(store: StateStore): HandoffStore {
  const readRecord = async (id: string): Promise<HandoffRecord | undefined> => {
    if (!ID_PATTERN.test(id)) return undefined;
    const found = (await store.read([handoffKey(id)]))[handoffKey(id)];
    return isRecord(found) ? strip(found) : undefined;
  };
  const removeFromIndex = (ids: string[]) =>
    updateItem<{ ids: string[] }>(store, INDEX_KEY, { ids: [] }, (index) =>
      index.ids.some((id) => ids.includes(id)) ? { ids: index.ids.filter((id) => !ids.includes(id)) } : null);

  return {
    async create(record) {
      await store.write({ [handoffKey(record.id)]: { ...record } as Record<string, unknown>, [handoffLinkKey(record.conversationKey)]: { id: record.id } });
      await updateItem<{ ids: string[] }>(store, INDEX_KEY, { ids: [] }, (index) => ({ ids: [...index.ids, record.id] }));
    },
    read: readRecord,
    async update(id, change) {
      if (!ID_PATTERN.test(id)) return undefined;
      return updateExistingItem<HandoffRecord>(store, handoffKey(id), (record) => (isRecord(record) ? change(record) : null));
    },
    async unlink(conversationKey) {
      await store.delete([handoffLinkKey(conversationKey)]);
    },
    async list() {
      const index = (await store.read([INDEX_KEY]))[INDEX_KEY] as { ids?: unknown } | undefined;
      const ids = Array.isArray(index?.ids) ? index.ids.filter((id): id is string => typeof id === 'string' && ID_PATTERN.test(id)) : [];
      if (ids.length === 0) return [];
      const found = await store.read(ids.map(handoffKey));
      const records = ids.map((id) => found[handoffKey(id)]).filter(isRecord).map(strip);
      const gone = ids.filter((id) => !isRecord(found[handoffKey(id)]));
      if (gone.length > 0) await removeFromIndex(gone);
      return records;
    },
    async removeForConversation(conversationKey) {
      const link = linkedId((await store.read([handoffLinkKey(conversationKey)]))[handoffLinkKey(conversationKey)]);
      const ids = link ? [link] : [];
      // Closed hand-offs of the conversation are no longer linked: find them in the index.
      for (const record of await this.list()) if (record.conversationKey === conversationKey && !ids.includes(record.id)) ids.push(record.id);
      await store.delete([handoffLinkKey(conversationKey), ...ids.map(handoffKey)]);
      if (ids.length > 0) await removeFromIndex(ids);
    },
  };
}

/** Appends a message to `record` (next sequence number, lastMessageAt). Pure. */
export function appendMessage(record: HandoffRecord, message: Omit<HandoffMessage, 'seq'>): HandoffRecord {
  const seq = (record.messages.at(-1)?.seq ?? 0) + 1;
  return { ...record, lastMessageAt: message.at, messages: [...record.messages, { ...message, seq }] };
}
