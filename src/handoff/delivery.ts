/**
 * Delivery of counsellors' messages to the user: in order, once, with bounded retries.
 * Deliveries of one hand-off run one at a time across instances (the turn gate, keyed by the
 * hand-off), so two counsellors' replies sent from two instances reach the user in the order
 * they were stored, and a message marked `delivered` is never sent again.
 */
import type { Logger } from '../log/logger';
import { nameError } from '../log/logger';
import type { TurnGate } from '../storage/types';
import { withTimeout } from '../util/with-timeout';
import type { OutboundActivity } from '../channel/types';
import type { HandoffStore } from './handoff-store';
import type { ConversationRef, HandoffRecord, SendProactive } from './types';

/** Retry bounds of a proactive send. */
export interface DeliveryOptions {
  /** Attempts in all (default 3). */
  attempts: number;
  /** Longest wait for the channel per attempt (default 5000 ms). */
  timeoutMs: number;
  /** Pause before the second attempt, doubled each time (default 300 ms). */
  backoffMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { attempts: 3, timeoutMs: 5_000, backoffMs: 300 };

/**
 * Sends with retries: a channel answering 4xx/5xx, failing or not answering within the
 * timeout is tried again, up to `attempts` times. Resolves true once delivered, false after the last failure.
 */
export async function sendWithRetry(
  send: SendProactive,
  reference: ConversationRef,
  activities: OutboundActivity[],
  options: DeliveryOptions,
  logger: Logger,
): Promise<boolean> {
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      const timedOut = () => Object.assign(new Error(`channel did not answer within ${options.timeoutMs} ms`), { name: 'ProactiveTimeoutError' });
      await withTimeout(send(reference, activities), options.timeoutMs, timedOut);
      return true;
    } catch (error) {
      logger.warn({ error: nameError(error), channel: reference.channelId, attempt, of: options.attempts }, 'hand-off message not delivered');
      if (attempt < options.attempts) await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** (attempt - 1)));
    }
  }
  return false;
}

/** Sends every pending staff message of a hand-off. */
export type DeliverPending = (id: string) => Promise<HandoffRecord | undefined>;

/** Creates the delivery of pending staff messages over the store, the gate and the sender. */
export function createDelivery(deps: {
  handoffs: HandoffStore;
  gate: TurnGate;
  logger: Logger;
  getSender: () => SendProactive | undefined;
  options: DeliveryOptions;
}): DeliverPending {
  const markDelivery = (id: string, seq: number, delivery: 'delivered' | 'failed') =>
    deps.handoffs.update(id, (record) => ({
      ...record,
      messages: record.messages.map((m) => (m.seq === seq ? { ...m, delivery } : m)),
    }));

  return async (id) => {
    const result = await deps.gate.run(`handoff-delivery/${id}`, undefined, async () => {
      let record = await deps.handoffs.read(id);
      const send = deps.getSender();
      if (!record || !send) return record;
      for (const message of record.messages) {
        if (message.from !== 'staff' || message.delivery !== 'pending') continue;
        const activity: OutboundActivity = { type: 'message', text: message.text, textFormat: 'plain', locale: record.lang };
        const ok = await sendWithRetry(send, record.reference, [activity], deps.options, deps.logger);
        record = (await markDelivery(id, message.seq, ok ? 'delivered' : 'failed')) ?? record;
      }
      return record;
    });
    return result.status === 'done' ? result.value : undefined;
  };
}
