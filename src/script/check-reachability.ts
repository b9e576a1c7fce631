/**
 * Warnings for steps no path reaches from the dialog's start, and dialogs no path
 * reaches from `_global.yaml` (welcome, menu, interruptions, …) or a trigger.
 */
import type { Diagnostic } from '../kernel/diagnostic';
import type { DialogSource, ProjectSources } from './read-project';
import type { RawStep } from './schema';
import { makeDiagnostic } from '../kernel/diagnostic';
import { positionOf } from '../kernel/source-file';

/** Targets written in a step (`next`, choice and otherwise `goto`, branch arms), as written. */
function targetsOf(step: RawStep, stepId: string): string[] {
  const out: string[] = [];
  if (step.next !== undefined) out.push(step.next);
  for (const c of Object.values(step.choices ?? {})) out.push(c.goto);
  if (step.otherwise) out.push(step.otherwise.goto ?? stepId);
  for (const arm of step.branch ?? []) out.push('goto' in arm ? arm.goto : arm.otherwise);
  if (step.call !== undefined) out.push(`dialog:${step.call}`);
  return out;
}

/** Checks reachability of steps and dialogs. */
export function checkReachability(project: ProjectSources): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of project.dialogs) out.push(...checkSteps(d));
  const global = project.global?.raw;
  if (!global) return out;
  const byId = new Map(project.dialogs.map((d) => [d.raw.id, d]));
  const queue = [global.welcome, global.menu, global.fallback, global.on_stuck, global.on_offer_text,
    ...(global.on_possible_danger ? [global.on_possible_danger] : []),
    ...global.interruptions.map((i) => i.goto.replace(/^dialog:/, '')),
    ...project.dialogs.filter((d) => (d.raw.triggers ?? []).length > 0).map((d) => d.raw.id)];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const [stepId, step] of Object.entries(byId.get(id)?.raw.steps ?? {})) {
      for (const t of targetsOf(step, stepId)) if (t.startsWith('dialog:')) queue.push(t.slice('dialog:'.length));
    }
  }
  for (const d of project.dialogs.filter((x) => !seen.has(x.raw.id))) {
    out.push(makeDiagnostic('warning', d.source.file, positionOf(d.source, ['id']), 'id',
      `dialog '${d.raw.id}' is not reachable from the menu, a trigger or _global.yaml: link it with goto: dialog:${d.raw.id} or add triggers`));
  }
  return out;
}

function checkSteps(d: DialogSource): Diagnostic[] {
  const steps = d.raw.steps;
  const seen = new Set<string>();
  const queue = [d.raw.start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    const step = steps[id];
    if (seen.has(id) || !step) continue;
    seen.add(id);
    queue.push(...targetsOf(step, id).filter((t) => !t.startsWith('dialog:')));
  }
  return Object.keys(steps)
    .filter((id) => !seen.has(id))
    .map((id) => makeDiagnostic('warning', d.source.file, positionOf(d.source, ['steps', id], 'key'), ['steps', id],
      `step '${id}' is not reachable from start '${d.raw.start}'`));
}
