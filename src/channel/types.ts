/**
 * Types of the channel layer: what a turn needs and what it produces. They are the bot's own
 * (shaped like Bot Framework activities so they cross the wire unchanged); only
 * src/bot-framework/ knows the SDK's types.
 */
import type { AdvanceResult, ConversationState, Content, EngineEvent, EngineInput } from '../engine/types';
import type { Lang } from '../kernel/lang';
import type { Runtime } from '../script/runtime';
import type { StateStore } from '../storage/types';
import type { Logger } from '../log/logger';
import type { HandoffHooks } from '../handoff/hooks';
import type { ConversationRef } from '../handoff/types';
import type { IdHasher } from '../log/hash-id';
import type { PickVariant } from '../experiments/apply-experiments';
import type { ExperimentEvent } from '../experiments/types';

/** A user, bot or channel account as activities name it. */
export interface ChannelAccount {
  id: string;
  name?: string;
  role?: string;
  [field: string]: unknown;
}

/** The conversation an activity belongs to. */
export interface ConversationAccount {
  id: string;
  name?: string;
  isGroup?: boolean;
  conversationType?: string;
  tenantId?: string;
  [field: string]: unknown;
}

/** An activity as received; only the fields the bot reads are typed, the rest pass through. */
export interface InboundActivity {
  type: string;
  channelId: string;
  conversation: ConversationAccount;
  from: ChannelAccount;
  recipient?: ChannelAccount;
  id?: string;
  text?: string;
  value?: unknown;
  locale?: string;
  membersAdded?: ChannelAccount[];
  channelData?: unknown;
  serviceUrl?: string;
  timestamp?: string | Date;
  [field: string]: unknown;
}

/** A button: `imBack` sends its value as text; `messageBack` sends `value` (and shows `displayText`). */
export interface ReplyButton {
  type: 'imBack' | 'messageBack' | 'postBack' | 'openUrl';
  title: string;
  value?: unknown;
  text?: string;
  displayText?: string;
}

/** A reply, ready for any channel adapter or in-process consumer. */
export interface OutboundActivity {
  type: string;
  text?: string;
  textFormat?: 'plain' | 'markdown' | 'xml';
  locale?: string;
  suggestedActions?: { actions: ReplyButton[]; to: string[] };
  /** Cards (Adaptive Cards carrying buttons on clients without suggested actions). */
  attachments?: { contentType: string; content?: unknown }[];
  [field: string]: unknown;
}

/** One authenticated activity and the way to answer it: what the bot logic sees of a channel. */
export interface TurnIO {
  readonly activity: InboundActivity;
  /** Sends `replies` in order; rejects when the channel does not accept them. */
  send(replies: OutboundActivity[]): Promise<void>;
}

/** The bot's handler of one activity, run by a channel adapter (src/bot-framework/). */
export type BotLogic = (turn: TurnIO) => Promise<void>;

/** What analytics learns about a turn beyond the engine's events: counts only, no ids. */
export interface TurnMeta {
  /** A conversation from a test tool (Emulator, local web chat, preview): left out of statistics by default. */
  test: boolean;
  /** A/B exposures and outcomes of this turn. */
  experiments: ExperimentEvent[];
}

/** The pure engine step (src/engine/advance.ts). */
export type AdvanceFn = (content: Content, state: ConversationState | undefined, input: EngineInput) => AdvanceResult;

/** Dependencies of the turn processor. */
export interface TurnDeps {
  /** Current runtime, or null while content is not loaded (users then hear "temporarily unavailable"). */
  getRuntime(): Runtime | null;
  advance: AdvanceFn;
  store: StateStore;
  logger: Logger;
  /** Language of a user the bot knows nothing about and whose locale is not vi/fr/en. */
  defaultLang: Lang;
  /**
   * Keyed hashing of ids for storage keys and log lines (src/channel/id-secret.ts gives the
   * server's); a random one of its own when absent (in-process tools, tests).
   */
  ids?: IdHasher;
  /** Analytics hook: called after every successful turn with the engine's events. Must not throw. */
  onEvents?: (events: EngineEvent[], lang: Lang, meta: TurnMeta) => void;
  /** True for conversations from test tools (see src/analytics/is-test-conversation.ts); default: the Emulator's and the preview's. */
  isTestConversation?: (activity: InboundActivity) => boolean;
  /** How a conversation gets its A/B variant (default: at random; test conversations: the original text). */
  pickVariant?: PickVariant;
  /** Talking to a counsellor (src/handoff/); without it the hand-off is neither offered nor started. */
  handoff?: HandoffHooks;
}

/** Result of one processed activity. */
export interface TurnOutcome {
  replies: OutboundActivity[];
  /** The user's language after the turn. */
  lang: Lang;
}

/** What an authenticated channel endpoint answers over HTTP (invoke / expectReplies bodies). */
export interface ChannelResponse {
  status: number;
  body?: unknown;
}

/**
 * The Bot Framework side of `POST /api/messages` (src/bot-framework/cloud-channel.ts):
 * authenticates an activity, runs the bot logic, and maps its own errors to HTTP statuses.
 */
export interface ChannelEndpoint {
  /** Authenticates `authHeader`, runs the logic for `activity`; rejects when authentication fails. */
  handle(authHeader: string, activity: InboundActivity): Promise<ChannelResponse | undefined>;
  /** HTTP status for an error `handle` rejected with (401/403 for authentication, else 500). */
  statusOf(error: unknown): number;
  /** Sends `activities` to a stored conversation outside any turn (a counsellor's reply); rejects when the channel refuses. */
  sendProactive?(reference: ConversationRef, activities: OutboundActivity[]): Promise<void>;
}
