/** The botbuilder turn handler: gate (order + dedupe) -> turn processor -> replies in order. */
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log/logger';
import { nameError } from '../log/logger';
import type { TurnGate } from '../storage/types';
import type { RateLimiter } from '../storage/rate-limit';
import { getStateKeys } from './state-keys';
import { isHandledActivity, type TurnProcessor } from './turn-processor';
import type { InboundActivity } from './types';

/**
 * Returns the logic passed to `adapter.process`. Activities the bot does not handle
 * (typing, reactions, events, unknown types) do nothing: no reply, no state read or write.
 * Replies are sent inside the gate so the replies of consecutive turns never interleave.
 */
export function createBotLogic(processor: TurnProcessor, gate: TurnGate, logger: Logger, rateLimiter?: RateLimiter): (context: TurnContext) => Promise<void> {
  const sendNotice = async (context: TurnContext, key: 'unavailable' | 'rate_limited') => {
    await context.sendActivities(processor.renderSystemReply(context.activity as InboundActivity, key)).catch((error: unknown) => {
      logger.warn({ error: nameError(error), channel: context.activity.channelId }, 'notice not delivered');
    });
  };
  return async (context) => {
    const activity = context.activity as InboundActivity;
    if (!isHandledActivity(activity)) return;
    const keys = getStateKeys(activity);
    const decision = rateLimiter ? await rateLimiter.hit(keys.conversation) : 'allow';
    if (decision !== 'allow') {
      logger.info({ channel: activity.channelId, decision }, 'rate limited');
      if (decision === 'notify') await sendNotice(context, 'rate_limited');
      return;
    }
    const result = await gate.run(keys.conversation, keys.activity, async () => {
      const outcome = await processor.processActivity(activity);
      if (outcome.replies.length === 0) return;
      try {
        await context.sendActivities(outcome.replies);
      } catch (error) {
        logger.warn({ error: nameError(error), channel: activity.channelId }, 'replies not delivered');
      }
    }).catch(async (error: unknown) => {
      // The gate itself could not reach storage (down, frozen, lock unobtainable): one notice, state untouched.
      logger.warn({ error: nameError(error), channel: activity.channelId }, 'turn gate unavailable');
      await sendNotice(context, 'unavailable');
      return { status: 'done' as const, value: undefined };
    });
    if (result.status === 'duplicate') logger.info({ channel: activity.channelId }, 'duplicate activity ignored');
  };
}
