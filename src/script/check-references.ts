/**
 * Structural and cross-file rules of dialogs: one way forward per
 * step, `choices` with `otherwise`, known steps, dialogs and intents everywhere a
 * target, intent or statistics step (`stats:`) is named (docs/script-format.md).
 */
import { ANSWERS, INTENTS } from '../kernel/intent';
import type { Diagnostic } from '../kernel/diagnostic';
import { formatKnown } from '../kernel/known-list';
import type { DialogSource, ProjectSources } from './read-project';
import type { RawStep } from './schema';
import { RESUME_TARGET } from './build-dialog';
import { makeDiagnostic, type PathSeg } from '../kernel/diagnostic';
import { positionOf, type SourceFile } from '../kernel/source-file';

const INTENT_NAMES: readonly string[] = INTENTS;
const CHOICE_INTENTS: readonly string[] = [...INTENTS, ...ANSWERS];

/** Checks every dialog and `_global.yaml` against the set of dialogs that exist. */
export function checkReferences(project: ProjectSources): Diagnostic[] {
  const dialogIds = project.dialogs.map((d) => d.raw.id);
  const out: Diagnostic[] = [];
  for (const d of project.dialogs) out.push(...checkDialog(d, dialogIds));
  if (project.global) out.push(...checkGlobal(project.global.source, project.global.raw, dialogIds));
  return out;
}

function checkDialog(d: DialogSource, dialogIds: string[]): Diagnostic[] {
  const { source, raw } = d;
  const out: Diagnostic[] = [];
  const err = (path: PathSeg[], message: string, part: 'key' | 'value' = 'value') =>
    out.push(makeDiagnostic('error', source.file, positionOf(source, path, part), path, message));
  const stepIds = Object.keys(raw.steps);
  if (!stepIds.includes(raw.start)) err(['start'], `unknown step '${raw.start}' ${formatKnown(stepIds, 12, raw.start)}`);
  (raw.triggers ?? []).forEach((t, i) => {
    if (!INTENT_NAMES.includes(t)) err(['triggers', i], `unknown intent '${t}' ${formatKnown(INTENT_NAMES, 30, t)}`);
  });
  // A renamed step must not silently drop out of the statistics.
  const checkStatsStep = (path: PathSeg[], target: string) => {
    if (!stepIds.includes(target)) err(path, `unknown step '${target}' ${formatKnown(stepIds, 40, target)}: the statistics count arrivals at this step; name one of the dialog's steps`);
  };
  for (const [level, target] of Object.entries(raw.stats?.risk_levels ?? {})) {
    if (target !== undefined) checkStatsStep(['stats', 'risk_levels', level], target);
  }
  (raw.stats?.quiz_bands ?? []).forEach((target, i) => checkStatsStep(['stats', 'quiz_bands', i], target));
  const checkTarget = (path: PathSeg[], target: string, isChoice = false) => {
    if (target === RESUME_TARGET && !isChoice) {
      err(path, `'${RESUME_TARGET}' (back to the interrupted question) can only be the goto of a choice: name a step or dialog:<id> here`);
      return;
    }
    const problem = target === RESUME_TARGET ? null : describeBadTarget(target, stepIds, dialogIds);
    if (problem) err(path, problem);
  };
  for (const [stepId, step] of Object.entries(raw.steps)) {
    const base: PathSeg[] = ['steps', stepId];
    if (stepId === RESUME_TARGET) err(base, `'${RESUME_TARGET}' is reserved (goto: ${RESUME_TARGET} goes back to the interrupted question): rename this step`, 'key');
    const ways = waysForward(step);
    if (ways.length === 0) err(base, 'step has no way forward: add one of next, choices (with otherwise), branch, end: true, or call + next', 'key');
    if (ways.length > 1) err(base, `step has ${ways.length} ways forward (${ways.join(', ')}): keep exactly one`, 'key');
    if (step.choices && !step.otherwise) err([...base, 'choices'], 'choices without otherwise: add otherwise: { say: [common:not_understood], retry: 2 }', 'key');
    if (step.otherwise && !step.choices) err([...base, 'otherwise'], 'otherwise without choices: remove it or add choices', 'key');
    if (step.call !== undefined && step.next === undefined) err([...base, 'call'], `call needs next: the step to continue at when '${step.call}' ends`, 'key');
    if (step.call !== undefined && !dialogIds.includes(step.call)) err([...base, 'call'], `unknown dialog '${step.call}' ${formatKnown(dialogIds, 12, step.call)}`);
    if (step.next !== undefined) checkTarget([...base, 'next'], step.next);
    if (step.otherwise?.goto !== undefined) checkTarget([...base, 'otherwise', 'goto'], step.otherwise.goto);
    step.branch?.forEach((arm, i) => {
      const last = i === (step.branch?.length ?? 0) - 1;
      if ('otherwise' in arm) {
        checkTarget([...base, 'branch', i, 'otherwise'], arm.otherwise);
        if (!last) err([...base, 'branch', i], 'the otherwise arm must be the last arm of branch');
      } else {
        checkTarget([...base, 'branch', i, 'goto'], arm.goto);
        if (last) err([...base, 'branch', i], 'branch must end with { otherwise: <target> } so that one arm always applies');
      }
    });
    for (const [choiceId, c] of Object.entries(step.choices ?? {})) {
      checkTarget([...base, 'choices', choiceId, 'goto'], c.goto, true);
      (c.intents ?? []).forEach((intent, i) => {
        if (!CHOICE_INTENTS.includes(intent)) err([...base, 'choices', choiceId, 'intents', i], `unknown intent or answer '${intent}' ${formatKnown(CHOICE_INTENTS, 30, intent)}`);
      });
    }
  }
  return out;
}

/** The ways forward a step declares (`call` + `next` count as one). */
export function waysForward(step: RawStep): string[] {
  const ways: string[] = [];
  if (step.call !== undefined) ways.push('call');
  else if (step.next !== undefined) ways.push('next');
  if (step.choices) ways.push('choices');
  if (step.branch) ways.push('branch');
  if (step.end) ways.push('end');
  return ways;
}

/** Why `target` names nothing, or null when it is a known step or `dialog:<known>`. */
function describeBadTarget(target: string, stepIds: string[], dialogIds: string[]): string | null {
  if (target.startsWith('dialog:')) {
    const id = target.slice('dialog:'.length);
    return dialogIds.includes(id) ? null : `unknown dialog '${id}' ${formatKnown(dialogIds, 12, id)}`;
  }
  return stepIds.includes(target) ? null : `unknown step '${target}' ${formatKnown(stepIds, 12, target)}`;
}

function checkGlobal(source: SourceFile, raw: import('./schema').RawGlobal, dialogIds: string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (path: PathSeg[], message: string) => out.push(makeDiagnostic('error', source.file, positionOf(source, path), path, message));
  for (const field of ['welcome', 'menu', 'fallback', 'on_stuck', 'on_offer_text', 'on_possible_danger'] as const) {
    const id = raw[field];
    if (id !== undefined && !dialogIds.includes(id)) err([field], `unknown dialog '${id}' ${formatKnown(dialogIds, 12, id)}`);
  }
  raw.interruptions.forEach((it, i) => {
    if (!INTENT_NAMES.includes(it.intent)) err(['interruptions', i, 'intent'], `unknown intent '${it.intent}' ${formatKnown(INTENT_NAMES, 30, it.intent)}`);
    if (!it.goto.startsWith('dialog:')) err(['interruptions', i, 'goto'], `an interruption goes to a dialog: write 'dialog:${it.goto}'`);
    else {
      const problem = describeBadTarget(it.goto, [], dialogIds);
      if (problem) err(['interruptions', i, 'goto'], problem);
    }
  });
  return out;
}
