/**
 * The Bot Framework hand-off protocol (HANDOFF_MODE=protocol), for organisations whose contact
 * centre takes conversations over: the `handoff.initiate` event the bot sends (the shape of
 * botbuilder's `EventFactory.createHandoffInitiation`), and the `handoff.status` events it reads.
 */
import { randomUUID } from 'node:crypto';
import type { InboundActivity, OutboundActivity } from '../channel/types';
import type { Lang } from '../kernel/lang';

/** `handoff.status` states: the contact centre took the conversation, could not, or ended it. */
export type HandoffState = 'accepted' | 'failed' | 'completed';

/** What the bot tells the contact centre (the event's `value`, "agent hub context"). */
export interface HandoffContext {
  /** The user's language. */
  lang: Lang;
  /** The user agreed to talk to a counsellor (always true: the event is only sent after consent). */
  consent: true;
  source: 'thinkfirst';
}

/**
 * The `handoff.initiate` event for the conversation of `activity` (the user's consent), as
 * `EventFactory.createHandoffInitiation(context, { lang, consent, source })` builds it. No
 * transcript: the bot keeps no earlier conversation, and the user was told none is shared.
 */
export function buildHandoffInitiation(activity: InboundActivity, lang: Lang): OutboundActivity {
  const value: HandoffContext = { lang, consent: true, source: 'thinkfirst' };
  return {
    type: 'event',
    name: 'handoff.initiate',
    value,
    id: randomUUID(),
    timestamp: new Date(),
    localTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    conversation: activity.conversation,
    attachments: [],
    entities: [],
    from: activity.from,
    relatesTo: {
      ...(activity.id ? { activityId: activity.id } : {}),
      user: activity.from,
      bot: activity.recipient ?? { id: '', name: '' },
      conversation: activity.conversation,
      channelId: activity.channelId,
      ...(activity.locale ? { locale: activity.locale } : {}),
      serviceUrl: activity.serviceUrl ?? '',
    },
    ...(activity.id ? { replyToId: activity.id } : {}),
    ...(activity.serviceUrl ? { serviceUrl: activity.serviceUrl } : {}),
    channelId: activity.channelId,
  };
}

/** The state of a `handoff.status` event, or undefined when it names none we know. */
export function readHandoffState(activity: InboundActivity): HandoffState | undefined {
  const state = (activity.value as { state?: unknown } | undefined)?.state;
  return state === 'accepted' || state === 'failed' || state === 'completed' ? state : undefined;
}
