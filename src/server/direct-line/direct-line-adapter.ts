/**
 * A botbuilder adapter for the local Direct Line: it runs the same bot logic as
 * /api/messages (gate, rate limit, turn processor), and the replies the bot sends are put in
 * the conversation's buffer for the client to poll, instead of being posted to a channel.
 */
import {
  BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse,
} from 'botbuilder';

/** Where replies go: the conversation's buffer. Returns the id given to the reply. */
export type DeliverReply = (conversationId: string, activity: Partial<Activity>) => string | undefined;

/** Adapter with no network: replies are delivered in-process. */
export class DirectLineAdapter extends BotAdapter {
  constructor(private readonly deliver: DeliverReply) {
    super();
  }

  /** Runs `logic` for `activity` (already validated) through the adapter's middleware. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        responses.push({ id: '' });
        continue;
      }
      const id = this.deliver(activity.conversation?.id ?? '', activity);
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
