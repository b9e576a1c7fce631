/** botbuilder's TurnContext seen as the bot's own {@link TurnIO}. */
import type { Activity, TurnContext } from 'botbuilder';
import type { BotLogic, InboundActivity, OutboundActivity, TurnIO } from '../channel/types';

/** Wraps `context`: its activity as an {@link InboundActivity}, `send` through `sendActivities`. */
export function toTurnIO(context: TurnContext): TurnIO {
  return {
    activity: context.activity as unknown as InboundActivity,
    async send(replies: OutboundActivity[]): Promise<void> {
      await context.sendActivities(replies as unknown as Partial<Activity>[]);
    },
  };
}

/** The botbuilder handler that runs `logic` for each turn. */
export function runsBotLogic(logic: BotLogic): (context: TurnContext) => Promise<void> {
  return (context) => logic(toTurnIO(context));
}
