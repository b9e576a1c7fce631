/**
 * Orders the steps of a dialog the way a reader follows them: breadth-first from
 * `start`, then any step not reachable from it (in file order). Used by the flow
 * diagrams and by the analytics funnels, so both list steps in the same order.
 */
import type { Dialog, Step, Target } from '../engine/types';

/** Every target a step can lead to, in the order they are written. */
export function listStepTargets(step: Step): Target[] {
  const targets: Target[] = [];
  if (step.call) targets.push({ dialog: step.call });
  for (const choice of step.choices ?? []) targets.push(choice.goto);
  if (step.otherwise) targets.push(step.otherwise.goto);
  for (const arm of step.branch ?? []) targets.push(arm.goto);
  if (step.next) targets.push(step.next);
  return targets;
}

/** Step ids of `dialog`: breadth-first from `start`, then unreachable steps in file order. */
export function listStepsInOrder(dialog: Dialog): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  if (dialog.steps[dialog.start]) {
    queue.push(dialog.start);
    seen.add(dialog.start);
  }
  for (let i = 0; i < queue.length; i++) {
    const step = dialog.steps[queue[i] ?? ''];
    if (!step) continue;
    for (const target of listStepTargets(step)) {
      if ('step' in target && dialog.steps[target.step] && !seen.has(target.step)) {
        seen.add(target.step);
        queue.push(target.step);
      }
    }
  }
  for (const id of Object.keys(dialog.steps)) if (!seen.has(id)) queue.push(id);
  return queue;
}
