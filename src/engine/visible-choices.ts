/**
 * Which choices of a step the user can see now. A `goto: resume` choice ("Back to where I
 * was") is shown only when an interruption sits on top of a question that can be asked again.
 */
import { topFrame, type Turn } from './turn';
import type { Choice, Step } from './types';

/** True when the innermost dialog interrupted a question that `goto: resume` can ask again. */
export function canResume(turn: Turn): boolean {
  const frame = topFrame(turn);
  return turn.state.stack.length > 1 && (frame?.resume === 'reask' || frame?.resume === 'ask');
}

/** The choices of `step` the user can see and take now, in the order written (numbers follow this list). */
export function visibleChoices(turn: Turn, step: Step): Choice[] {
  const resumable = canResume(turn);
  return (step.choices ?? []).filter((c) => !('resume' in c.goto) || resumable);
}
