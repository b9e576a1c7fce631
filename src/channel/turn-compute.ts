/**
 * Stage 2 of a turn (load → compute → render → persist): runs the pure engine on the loaded
 * state for this activity, or applies the hand-off's reaction. No I/O: it can be run again
 * on fresh state after an eTag conflict.
 */
import type { ConversationState, EngineEvent, EngineInput, EngineOutput } from '../engine/types';
import { GUARANTEED_INTENTS } from '../engine/route-input';
import type { HandoffHooks, HandoffReaction } from '../handoff/hooks';
import type { Intent } from '../kernel/intent';
import type { Lang } from '../kernel/lang';
import type { Recognition } from '../nlu/types';
import { buildMessageInput } from './build-input';
import type { Translate } from './create-translator';
import { firstMessageLanguage } from './first-message-language';
import { redirectWhenDisabled } from './handoff-glue';
import type { LoadedTurn } from './turn-load';
import type { Runtime } from '../script/runtime';
import type { AdvanceFn, InboundActivity, OutboundActivity } from './types';

/** Intents of a first message that only say hello: the welcome answers them by itself. */
const WELCOME_ONLY_INTENTS: ReadonlySet<Intent> = new Set(['greet', 'unknown', 'thanks', 'goodbye']);

/** What the compute stage needs besides the loaded state. */
export interface ComputeDeps {
  advance: AdvanceFn;
  handoff?: HandoffHooks;
  translate: Translate;
}

/** What a turn computed, before it is rendered and saved. */
export interface TurnWork {
  outputs: EngineOutput[];
  events: EngineEvent[];
  state: ConversationState | undefined;
  /** Platform notices said before the outputs (language switch, state reset). */
  notices: OutboundActivity[];
  /** The language the outputs are said in. */
  lang: Lang;
  intent?: Intent;
  /** The recogniser's view of the message, for debug logs (no text). */
  recognition?: Pick<Recognition, 'intent' | 'score' | 'lang' | 'langConfident'>;
}

/** Runs the engine for the inputs of this activity (welcome first for a new conversation). */
export function computeTurn(deps: ComputeDeps, activity: InboundActivity, runtime: Runtime, loaded: LoadedTurn, userLang: Lang): TurnWork {
  if (loaded.invalid.some((e) => e.part === 'conversation') && activity.type === 'message') {
    return resetToMenu(deps, activity, runtime, loaded, userLang);
  }
  const stored = loaded.state;
  const inputs: EngineInput[] = [];
  const notices: OutboundActivity[] = [];
  let lang = userLang;
  let intent: Intent | undefined;
  let recognition: TurnWork['recognition'];
  if (activity.type === 'conversationUpdate') {
    if (!stored) inputs.push({ type: 'start' });
  } else {
    const built = buildMessageInput(activity, runtime, userLang, stored);
    const recognised = built.recognition;
    const input = redirectWhenDisabled(built.input, deps.handoff);
    intent = recognised?.intent;
    if (recognised) recognition = { intent: recognised.intent, score: recognised.score, lang: recognised.lang, langConfident: recognised.langConfident };
    if (recognised && !loaded.langSettled) {
      // The first message: its language, when clear, replaces the assumed one without a notice.
      lang = firstMessageLanguage(recognised) ?? userLang;
    } else if (recognised?.langConfident && recognised.lang !== userLang) {
      const names = (l: Lang) => deps.translate(`system:language_names.${l}`, l);
      if (stored) {
        notices.push({ type: 'message', text: deps.translate('system:language_switched', recognised.lang, { language: names(recognised.lang), previous: names(userLang) }) });
      }
      lang = recognised.lang;
    }
    if (!stored) inputs.push({ type: 'start' });
    if (stored || (input.type === 'text' && (!WELCOME_ONLY_INTENTS.has(input.intent) || input.possibleDanger))) inputs.push(input);
  }
  const work = runInputs(deps, runtime, stored, inputs);
  return { ...work, notices, lang, ...(intent ? { intent } : {}), ...(recognition ? { recognition } : {}) };
}

/**
 * The conversation's stored state was unreadable: one polite sentence, then the main menu
 * (or, for a message in danger, the danger dialog: a person in danger is never sent to a menu).
 */
function resetToMenu(deps: ComputeDeps, activity: InboundActivity, runtime: Runtime, loaded: LoadedTurn, lang: Lang): TurnWork {
  const idle: ConversationState = { contentVersion: runtime.content.version, stack: [] };
  const built = buildMessageInput(activity, runtime, lang, undefined);
  const danger = built.input.type === 'text' && GUARANTEED_INTENTS.includes(built.input.intent);
  const input: EngineInput = danger ? built.input : { type: 'intent', intent: 'menu' };
  const notice: OutboundActivity = { type: 'message', text: deps.translate('system:state_reset', lang) };
  return { ...runInputs(deps, runtime, idle, [input]), notices: [notice], lang, ...(built.recognition ? { intent: built.recognition.intent } : {}) };
}

/** The turn of a hand-off reaction: its outputs, then the main menu when the bot takes over again. */
export function applyReaction(deps: ComputeDeps, reaction: HandoffReaction, runtime: Runtime, loaded: LoadedTurn, lang: Lang): TurnWork {
  const outputs = [...reaction.outputs];
  const events = [...(reaction.events ?? [])];
  let state = loaded.state;
  if (reaction.resumeMenu || reaction.resumeInput) {
    const result = deps.advance(runtime.content, state, reaction.resumeInput ?? { type: 'intent', intent: 'menu' });
    state = result.state;
    outputs.push(...result.outputs);
    events.push(...result.events);
  }
  return { outputs, events, state, notices: [], lang };
}

function runInputs(deps: ComputeDeps, runtime: Runtime, stored: ConversationState | undefined, inputs: EngineInput[]) {
  let state = stored;
  const outputs: EngineOutput[] = [];
  const events: EngineEvent[] = [];
  for (const input of inputs) {
    const result = deps.advance(runtime.content, state, input);
    state = result.state;
    outputs.push(...result.outputs);
    events.push(...result.events);
  }
  return { outputs, events, state };
}
