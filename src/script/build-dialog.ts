/**
 * Turns a schema-checked dialog file into the engine's `Dialog`: keys made absolute,
 * targets parsed, `score` folded into `add`, positions kept for messages.
 */
import type { Answer, Intent } from '../kernel/intent';
import type { Dialog, SayItem, Step, Target } from '../engine/types';
import { countersOfDialog } from './dialog-vars';
import type { RawDialog, RawSayItem, RawStep } from './schema';
import { positionOf, type SourceFile } from '../kernel/source-file';

/** Default number of times a step is asked again before `on_stuck`. */
export const DEFAULT_RETRY = 2;

/** What `goto: resume` is written as: back to the question an interruption interrupted. */
export const RESUME_TARGET = 'resume';

/** `dialog:quiz` -> `{ dialog: 'quiz' }`, `ask_visa` -> `{ step: 'ask_visa' }`, `resume` -> `{ resume: true }`. */
export function parseTarget(text: string): Target {
  if (text === RESUME_TARGET) return { resume: true };
  return text.startsWith('dialog:') ? { dialog: text.slice('dialog:'.length) } : { step: text };
}

/** A key without `:` is relative to the step: `text` in `intro` of `check-offer` is `check-offer:intro.text`. */
export function resolveKey(dialogId: string, stepId: string, key: string): string {
  return key.includes(':') ? key : `${dialogId}:${stepId}.${key}`;
}

function buildSay(dialogId: string, stepId: string, items: RawSayItem[] | undefined): SayItem[] {
  return (items ?? []).map((item) => {
    if (typeof item === 'string') return { key: resolveKey(dialogId, stepId, item) };
    const out: SayItem = { key: resolveKey(dialogId, stepId, item.key) };
    if (item.when !== undefined) out.when = item.when;
    if (item.each !== undefined) out.each = item.each;
    if (item.max !== undefined) out.max = item.max;
    if (item.join) out.join = true;
    return out;
  });
}

function buildStep(source: SourceFile, raw: RawDialog, stepId: string, rs: RawStep): Step {
  const id = raw.id;
  const step: Step = { id: stepId, say: buildSay(id, stepId, rs.say), set: rs.set ?? {}, pos: at(source, ['steps', stepId]) };
  if (rs.next !== undefined) step.next = parseTarget(rs.next);
  if (rs.branch) {
    step.branch = rs.branch.map((arm) => ('when' in arm ? { when: arm.when, goto: parseTarget(arm.goto) } : { goto: parseTarget(arm.otherwise) }));
  }
  if (rs.end) step.end = true;
  if (rs.call !== undefined) step.call = rs.call;
  if (rs.expect) step.expect = rs.expect;
  if (rs.effect) step.effect = rs.effect;
  if (rs.choices) {
    step.choices = Object.entries(rs.choices).map(([choiceId, c]) => {
      const add = { ...(c.add ?? {}) };
      if (c.score !== undefined) add.score = (add.score ?? 0) + c.score;
      return {
        id: choiceId,
        label: c.label ?? `${id}:${stepId}.choices.${choiceId}`,
        add,
        set: c.set ?? {},
        intents: (c.intents ?? []) as (Intent | Answer)[],
        ...(c.lang ? { lang: c.lang } : {}),
        goto: parseTarget(c.goto),
        pos: at(source, ['steps', stepId, 'choices', choiceId]),
      };
    });
  }
  if (rs.otherwise) {
    step.otherwise = {
      say: buildSay(id, stepId, rs.otherwise.say),
      retry: rs.otherwise.retry ?? DEFAULT_RETRY,
      goto: parseTarget(rs.otherwise.goto ?? stepId),
    };
  }
  return step;
}

function at(source: SourceFile, path: (string | number)[]) {
  return { file: source.file, ...positionOf(source, path, 'key') };
}

/** Builds the engine's view of one dialog file. */
export function buildDialog(source: SourceFile, raw: RawDialog): Dialog {
  const steps: Record<string, Step> = {};
  for (const [stepId, rs] of Object.entries(raw.steps)) steps[stepId] = buildStep(source, raw, stepId, rs);
  return {
    id: raw.id, version: raw.version, triggers: (raw.triggers ?? []) as Intent[], start: raw.start, steps,
    counters: countersOfDialog(raw), file: source.file,
    ...(raw.stats ? { stats: { riskLevels: { ...raw.stats.risk_levels }, quizBands: [...(raw.stats.quiz_bands ?? [])] } } : {}),
  };
}
