/** Types of the channel layer: what a turn needs and what it produces. */
import type { Activity } from 'botbuilder';
import type { AdvanceResult, ConversationState, Content, EngineEvent, EngineInput } from '../engine/types';
import type { Lang, Recogniser } from '../nlu/types';
import type { ScanResult } from '../scanner/types';
import type { StateStore } from '../storage/types';
import type { Logger } from '../log/logger';
import type { HandoffHooks } from '../handoff/hooks';

/** An activity as received; only the fields the bot reads. */
export type InboundActivity = Partial<Activity> & Pick<Activity, 'type' | 'channelId' | 'conversation' | 'from'>;

/** A reply, ready for `context.sendActivities` or any in-process consumer. */
export type OutboundActivity = Partial<Activity>;

/** The job-offer scanner as built by src/scanner/create-scanner.ts. */
export interface Scanner {
  scan(text: string, lang?: Lang): ScanResult;
}

/** Everything built from dialogs/ and locales/; swapped as a whole on live reload. */
export interface Runtime {
  content: Content;
  recogniser: Recogniser;
  scanner: Scanner;
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
  /** Salt for hashed ids in logs (LOG_ID_SALT). */
  logIdSalt?: string;
  /** Analytics hook: called after every successful turn with the engine's events. Must not throw. */
  onEvents?: (events: EngineEvent[], lang: Lang) => void;
  /** Talking to a counsellor (src/handoff/); without it the hand-off is neither offered nor started. */
  handoff?: HandoffHooks;
}

/** Result of one processed activity. */
export interface TurnOutcome {
  replies: OutboundActivity[];
  /** The user's language after the turn. */
  lang: Lang;
}
