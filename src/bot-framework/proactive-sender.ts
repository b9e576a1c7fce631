/**
 * Proactive messages (a counsellor's reply, "the counsellor closed the conversation") sent
 * through the Bot Framework adapter to a stored conversation reference, outside any user turn.
 */
import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConversationRef, SendProactive } from '../handoff/types';

/** The botbuilder reference of our stored one. */
function toConversationReference(reference: ConversationRef): Partial<ConversationReference> {
  return {
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    conversation: { ...reference.conversation, isGroup: reference.conversation.isGroup ?? false, conversationType: reference.conversation.conversationType ?? '', name: '' },
    user: { id: reference.user.id, name: reference.user.name ?? '' },
    bot: { id: reference.bot.id, name: reference.bot.name ?? '' },
    ...(reference.locale ? { locale: reference.locale } : {}),
  };
}

/**
 * Creates the sender over `adapter` (CloudAdapter) for the bot `appId` ('' in local mode:
 * no authentication, as with the Emulator).
 */
export function createProactiveSender(adapter: CloudAdapter, appId: string): SendProactive {
  return async (reference, activities) => {
    await adapter.continueConversationAsync(appId, toConversationReference(reference), async (context) => {
      await context.sendActivities(activities as Partial<Activity>[]);
    });
  };
}
