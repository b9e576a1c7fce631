/** The botbuilder turn handler: rate limit -> gate (order + dedupe) -> turn processor -> replies in order. */
import type { Logger } from '../log/logger';
import { nameError } from '../log/logger';
import type { RateLimiter } from '../storage/rate-limit';
import type { TurnGate } from '../storage/types';
import { withTimeout } from '../util/with-timeout';
import type { StateKeys } from './state-keys';
import { isHandledActivity, type TurnProcessor } from './turn-processor';
import type { BotLogic, OutboundActivity, TurnIO } from './types';

/**
 * Longest wait for the channel (serviceUrl) to accept a turn's replies, its own retries of
 * 429/5xx included. A channel that hangs must not hold the conversation's turn lock forever.
 */
export const REPLY_TIMEOUT_MS = 10_000;

/** Sends replies; a channel that cannot be reached or hangs is logged, never thrown into the turn. */
async function sendReplies(context: TurnIO, replies: OutboundActivity[], logger: Logger): Promise<void> {
  if (replies.length === 0) return;
  const timedOut = () => Object.assign(new Error(`channel did not accept the replies within ${REPLY_TIMEOUT_MS} ms`), { name: 'ReplyTimeoutError' });
  try {
    await withTimeout(context.send(replies), REPLY_TIMEOUT_MS, timedOut);
  } catch (error) {
    logger.warn({ error: nameError(error), channel: context.activity.channelId }, 'replies not delivered');
  }
}

/**
 * Returns the logic run by the adapter for each authenticated activity. Activities the bot
 * does not handle (typing, reactions, events, unknown types) do nothing: no reply, no state.
 * Messages over the rate limit get one notice, then are dropped before any other work.
 * Replies are sent inside the gate so the replies of consecutive turns never interleave.
 */
export function createBotLogic(
  processor: TurnProcessor,
  gate: TurnGate,
  logger: Logger,
  rateLimiter?: RateLimiter,
): BotLogic {
  return async (context) => {
    const { activity } = context;
    if (!isHandledActivity(activity)) return;
    let keys: StateKeys;
    try {
      keys = processor.keysOf(activity);
    } catch (error) {
      // The id secret is not known yet (storage unreachable at start-up): one notice.
      logger.warn({ error: nameError(error), channel: activity.channelId }, 'storage keys unavailable');
      return sendReplies(context, await processor.renderSystemReply(activity, 'unavailable'), logger);
    }
    if (rateLimiter && activity.type === 'message') {
      // Per conversation, and per user (a client may open new conversations to dodge the first).
      const decisions = await Promise.all([keys.conversation, keys.user].map((key) => rateLimiter.hit(key).catch(() => 'allow' as const)));
      const decision = decisions.includes('notify') ? 'notify' : decisions.includes('drop') ? 'drop' : 'allow';
      if (decision !== 'allow') {
        logger.info({ channel: activity.channelId, decision }, 'rate limited');
        if (decision === 'notify') await sendReplies(context, await processor.renderSystemReply(activity, 'rate_limited'), logger);
        return;
      }
    }
    try {
      const arrived = performance.now();
      const result = await gate.run(keys.conversation, keys.activity, async (turn) => {
        const entered = performance.now();
        const outcome = await processor.processActivity(activity, turn);
        const processed = performance.now();
        await sendReplies(context, outcome.replies, logger);
        if (!logger.isLevelEnabled('debug')) return;
        const ms = (from: number, to: number) => Math.round((to - from) * 10) / 10;
        logger.debug({ channel: activity.channelId, waitMs: ms(arrived, entered), turnMs: ms(entered, processed), sendMs: ms(processed, performance.now()), replies: outcome.replies.length },
          'turn delivered');
      });
      if (result.status === 'duplicate') logger.info({ channel: activity.channelId }, 'duplicate activity ignored');
    } catch (error) {
      // The gate itself failed (storage down, lock unobtainable): one notice, state untouched.
      logger.warn({ error: nameError(error), channel: activity.channelId }, 'turn gate unavailable');
      await sendReplies(context, await processor.renderSystemReply(activity, 'unavailable'), logger);
    }
  };
}
