/**
 * Tells a user who has waited HANDOFF_WAIT_MS without a counsellor where to call. Every instance
 * runs the check; claiming the notice (`waitNoticeAt`) is a compare-and-set, so only one
 * instance tells the user, once.
 */
import type { Logger } from '../log/logger';
import { nameError } from '../log/logger';
import type { HandoffStore } from './handoff-store';
import type { HandoffRecord } from './types';

/** Options of {@link startWaitWatcher}. */
export interface WaitWatcherOptions {
  handoffs: HandoffStore;
  waitMs: number;
  everyMs: number;
  now: () => number;
  logger: Logger;
  /** Tells the user (resolves false when the channel did not take it). */
  notify(record: HandoffRecord): Promise<boolean>;
}

/**
 * Finds the hand-offs still waiting after `waitMs` whose user was not told yet and claims them.
 * @returns the claimed hand-offs (this instance tells their users).
 */
export async function claimOverdue(handoffs: HandoffStore, waitMs: number, now: number): Promise<HandoffRecord[]> {
  const claimed: HandoffRecord[] = [];
  const stamp = new Date(now).toISOString();
  for (const record of await handoffs.list()) {
    if (record.mode !== 'inbox' || record.status !== 'waiting' || record.waitNoticeAt) continue;
    if (now - Date.parse(record.startedAt) < waitMs) continue;
    const updated = await handoffs.update(record.id, (r) => (r.status === 'waiting' && !r.waitNoticeAt ? { ...r, waitNoticeAt: stamp } : null));
    if (updated?.waitNoticeAt === stamp && updated.status === 'waiting') claimed.push(updated);
  }
  return claimed;
}

/** Starts checking every `everyMs`; returns the stop function. */
export function startWaitWatcher(options: WaitWatcherOptions): () => void {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      for (const record of await claimOverdue(options.handoffs, options.waitMs, options.now())) {
        const told = await options.notify(record);
        options.logger.info({ handoff: 'wait_notice', told }, 'hand-off');
      }
    } catch (error) {
      options.logger.warn({ error: nameError(error) }, 'hand-off waiting check failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
