/**
 * A botbuilder adapter for the local Direct Line: it runs the same bot logic as
 * /api/messages (gate, rate limit, turn processor), and the replies the bot sends are put in
 * the conversation's buffer for the client to poll, instead of being posted to a channel.
 */
import type { Activity, ConversationReference, ResourceResponse, TurnContext } from 'botbuilder';
import { botbuilder } from './sdk';
import type { BotLogic, InboundActivity, OutboundActivity } from '../channel/types';
import { runsBotLogic } from './turn-io';

/** Where replies go: the conversation's buffer. Returns the id given to the reply. */
export type DeliverReply = (conversationId: string, activity: OutboundActivity & { conversation?: { id: string } }) => string | undefined;

/** Adapter with no network: replies are delivered in-process. */
class DirectLineAdapter extends botbuilder.BotAdapter {
  constructor(private readonly deliver: DeliverReply) {
    super();
  }

  /** Runs `logic` for `activity` (already validated) through the adapter's middleware. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new botbuilder.TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        responses.push({ id: '' });
        continue;
      }
      const id = this.deliver(activity.conversation?.id ?? '', activity as unknown as OutboundActivity);
      responses.push({ id: id ?? '' });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('the local Direct Line cannot update a sent activity; the bot never does');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('the local Direct Line cannot delete a sent activity; the bot never does');
  }

  async continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    throw new Error('the local Direct Line does not support proactive messages; the bot never sends any');
  }
}

/** A channel with no network: runs the bot logic, hands each reply to `deliver`. */
export interface LocalChannel {
  /** Runs one (already validated) activity through the bot logic. */
  run(activity: InboundActivity): Promise<void>;
}

/**
 * Creates the local channel. Errors escaping a turn go to `onTurnError` (the turn processor
 * itself never throws).
 */
export function createLocalChannel(deliver: DeliverReply, logic: BotLogic, onTurnError: (error: Error) => void): LocalChannel {
  const adapter = new DirectLineAdapter(deliver);
  adapter.onTurnError = async (_context, error) => onTurnError(error);
  const run = runsBotLogic(logic);
  return {
    run: (activity) => adapter.processActivity(activity as unknown as Partial<Activity>, run),
  };
}
