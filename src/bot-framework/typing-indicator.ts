/**
 * The typing indicator of slow turns, replacing botbuilder's ShowTypingMiddleware (which
 * keeps using the turn context after the turn ended when the channel is slow or refuses, an
 * unhandled rejection each time). Ours stops with the turn: no typing activity is started
 * once the turn has ended, at most one is in flight, and a failed send is ignored.
 */
import type { Middleware, TurnContext } from 'botbuilder';

/** Delay before a typing indicator is shown for a slow turn, then its repeat period (ms). */
export const TYPING_DELAY_MS = 700;
export const TYPING_PERIOD_MS = 2_000;

/** Middleware sending `typing` while a message turn runs longer than `delayMs`. */
export function createTypingIndicator(delayMs = TYPING_DELAY_MS, periodMs = TYPING_PERIOD_MS): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const activity = context.activity;
      if (activity.type !== 'message' || activity.deliveryMode === 'expectReplies') return next();
      let ended = false;
      let sending = false;
      let timer: NodeJS.Timeout | undefined;
      const tick = () => {
        if (ended) return;
        if (!sending) {
          sending = true;
          context.sendActivity({ type: 'typing', relatesTo: activity.relatesTo }).then(
            () => void (sending = false),
            () => void (sending = false),
          );
        }
        timer = setTimeout(tick, periodMs);
      };
      timer = setTimeout(tick, delayMs);
      try {
        await next();
      } finally {
        ended = true;
        clearTimeout(timer);
      }
    },
  };
}
