/**
 * What the turn processor asks the hand-off (src/channel/turn-processor.ts): whether a
 * conversation is with a counsellor (then the bot stays silent), what to do when the user
 * consents, and the hand-off protocol's status events.
 */
import type { EngineEvent, EngineInput, EngineOutput } from '../engine/types';
import type { InboundActivity, OutboundActivity } from '../channel/types';
import type { Lang } from '../kernel/lang';

/** One user activity, as the hand-off sees it. */
export interface HandoffTurn {
  activity: InboundActivity;
  /** Storage key of the conversation state (`conv/<hash>`). */
  conversationKey: string;
  /** The user's language. */
  lang: Lang;
  /** The message as the engine would get it (undefined for events). */
  input?: EngineInput;
}

/** What the hand-off wants said and done for a turn. */
export interface HandoffReaction {
  /** Said to the user in their language (rendered like engine outputs). */
  outputs: EngineOutput[];
  /** Activities sent before the outputs, as they are (the protocol's `handoff.initiate` event). */
  activities?: OutboundActivity[];
  /** The bot takes the conversation back: the main menu follows the outputs. */
  resumeMenu?: boolean;
  /** The bot takes the conversation back and handles this input ("delete my data" while with a counsellor). */
  resumeInput?: EngineInput;
  /** For analytics (no ids, no text). */
  events?: EngineEvent[];
}

/** The hand-off as the turn processor uses it. */
export interface HandoffHooks {
  /** False with HANDOFF_MODE=off: the intent then shows the hotlines (get_help) instead. */
  enabled: boolean;
  /** Variables of the texts (`retention_days`). */
  textVariables: Record<string, string>;
  /** Storage key read with the conversation state: the link to its open hand-off. */
  linkKey(conversationKey: string): string;
  /** True when the hand-off may be offered now (mode on, within HANDOFF_HOURS). */
  isOfferable(): boolean;
  /** A message (or a hand-off protocol event) of a conversation; undefined when the hand-off is not concerned and the bot answers. */
  onActivity(turn: HandoffTurn, link: unknown): Promise<HandoffReaction | undefined>;
  /** The user consented (a step with `effect: handoff_request`). */
  onRequest(turn: HandoffTurn): Promise<HandoffReaction>;
  /** "Delete my data": the conversation's hand-offs and messages go too. */
  onDeleteData(conversationKey: string): Promise<void>;
}
