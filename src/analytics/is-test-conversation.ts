/**
 * Which conversations are tests, counted apart and left out of statistics by default:
 * - every conversation of a bot in local mode (no MicrosoftAppId: it listens on loopback
 *   only, so only the terminal chat, the local web chat, the Emulator or the Agents
 *   Playground can reach it);
 * - the Emulator's (`emulator`) and the staff preview's (`preview`) on a deployed bot.
 */
import type { InboundActivity } from '../channel/types';

/** Channel id of the conversations started from /preview by signed-in staff. */
export const PREVIEW_CHANNEL = 'preview';

const TEST_CHANNELS = new Set(['emulator', PREVIEW_CHANNEL]);

/** Builds the rule for a bot running in local mode (`localMode`) or deployed. */
export function createTestConversationRule(localMode: boolean): (activity: Pick<InboundActivity, 'channelId'>) => boolean {
  return (activity) => localMode || TEST_CHANNELS.has(String(activity.channelId ?? '').toLowerCase());
}
