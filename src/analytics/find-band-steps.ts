/**
 * Finds the quiz result steps in the content: in a quiz dialog, the steps that a `branch`
 * leads to are the score bands (e.g. quiz: great / good / learn). Reaching one counts
 * as that band, so the quiz can change without touching code.
 */
import type { Content } from '../engine/types';

/** Default quiz dialogs. */
export const QUIZ_DIALOGS = ['quiz'];

/** `dialog|step` of every branch target step in the quiz dialogs, in branch order. */
export function findBandSteps(content: Content, quizDialogs: string[] = QUIZ_DIALOGS): string[] {
  const found: string[] = [];
  for (const id of quizDialogs) {
    const dialog = content.dialogs[id];
    for (const step of Object.values(dialog?.steps ?? {})) {
      for (const arm of step.branch ?? []) {
        const name = 'step' in arm.goto ? `${id}|${arm.goto.step}` : undefined;
        if (name && !found.includes(name)) found.push(name);
      }
    }
  }
  return found;
}
