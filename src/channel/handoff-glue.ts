/** Small pieces of the hand-off inside a turn: hiding the offer when nobody can answer, and the intent with the hand-off off. */
import type { EngineInput, EngineOutput } from '../engine/types';
import type { HandoffHooks } from '../handoff/hooks';
import { OFFER_CHOICE_ID } from '../kernel/handoff-notice-keys';
import type { InboundActivity } from './types';

/**
 * Drops the "Talk to a person" button when the hand-off cannot be offered now (off, outside
 * HANDOFF_HOURS, or no hand-off wired, as in the terminal chat). It is the last choice of the
 * menus that carry it, so the numbers of the other choices do not change.
 */
export function hideUnavailableOffer(outputs: EngineOutput[], hooks: HandoffHooks | undefined): EngineOutput[] {
  if (hooks?.isOfferable()) return outputs;
  return outputs.map((output) =>
    output.type === 'choices' && output.options.some((o) => o.id === OFFER_CHOICE_ID)
      ? { ...output, options: output.options.filter((o) => o.id !== OFFER_CHOICE_ID) }
      : output);
}

/** With the hand-off off (or not wired), "talk to a person" shows where to get help instead. */
export function redirectWhenDisabled(input: EngineInput, hooks: HandoffHooks | undefined): EngineInput {
  if (hooks?.enabled) return input;
  if (input.type === 'text' && input.intent === 'talk_to_human') return { ...input, intent: 'get_help' };
  if (input.type === 'intent' && input.intent === 'talk_to_human') return { ...input, intent: 'get_help' };
  if (input.type === 'choice' && input.id === OFFER_CHOICE_ID) return { type: 'intent', intent: 'get_help' };
  return input;
}

/** True for the hand-off protocol's status events (`handoff.status`), which the bot handles. */
export function isHandoffStatusEvent(activity: InboundActivity): boolean {
  return activity.type === 'event' && activity.name === 'handoff.status';
}
