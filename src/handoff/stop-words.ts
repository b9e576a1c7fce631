/**
 * "Stop" / "back to the bot" while the conversation is with a counsellor. Conservative on
 * purpose: a user telling a counsellor "I want to stop working there" must not end the hand-off.
 */
import type { EngineInput } from '../engine/types';
import { MIN_INTENT_SCORE } from '../engine/route-input';
import { fold } from '../kernel/normalise';

/** Longest message (in words) that may end the hand-off by the `cancel` intent ("stop", "I want to stop"). */
const MAX_STOP_WORDS = 4;
/** Longest message (in words) that may end it by the `menu` intent ("menu", "main menu"). */
const MAX_MENU_WORDS = 2;

/**
 * True when `input` asks to leave the counsellor: the "Back to the bot" button (payload, or
 * its label in any language on text-only channels), or a short message whose intent is
 * `cancel` or `menu` ("stop", "dừng", "arrête", "menu").
 * @param backLabels the button's label in every language.
 */
export function isStopRequest(input: EngineInput | undefined, backLabels: string[]): boolean {
  if (!input) return false;
  if (input.type === 'choice') return input.id === 'back_to_bot';
  if (input.type === 'intent') return input.intent === 'cancel' || input.intent === 'menu';
  if (input.type !== 'text') return false;
  if (backLabels.some((label) => fold(label) === input.folded)) return true;
  const words = input.folded.split(' ').filter(Boolean).length;
  if (input.score < MIN_INTENT_SCORE) return false;
  return (input.intent === 'cancel' && words <= MAX_STOP_WORDS) || (input.intent === 'menu' && words <= MAX_MENU_WORDS);
}

/** True when `input` is the "Keep waiting" button (payload or label). */
export function isKeepWaiting(input: EngineInput | undefined, labels: string[]): boolean {
  if (input?.type === 'choice') return input.id === 'keep_waiting';
  return input?.type === 'text' && labels.some((label) => fold(label) === input.folded);
}
