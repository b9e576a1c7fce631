/** The conversation reference a hand-off keeps, to send the counsellor's messages to the user later. */
import type { InboundActivity } from '../channel/types';
import type { ConversationRef } from './types';

/** Reference of the conversation of `activity` (sent by the user to the bot). */
export function toConversationRef(activity: InboundActivity): ConversationRef {
  const conversation = activity.conversation;
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl ?? '',
    conversation: {
      id: conversation.id,
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
      ...(conversation.conversationType ? { conversationType: conversation.conversationType } : {}),
      ...(conversation.isGroup !== undefined ? { isGroup: conversation.isGroup } : {}),
    },
    user: { id: activity.from.id, ...(activity.from.name ? { name: activity.from.name } : {}) },
    bot: { id: activity.recipient?.id ?? '', ...(activity.recipient?.name ? { name: activity.recipient.name } : {}) },
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}
