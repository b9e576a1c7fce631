/**
 * Moving through a script: starting and ending dialogs, entering steps, saying texts,
 * following `next`, `branch` and `call` until a step waits for the user.
 */
import { checkCondition } from './conditions';
import { MAX_STEPS_PER_TURN, topFrame, varsOf, type Turn } from './turn';
import type { Frame, SayItem, Step, Target, VarValue } from './types';
import { canResume, visibleChoices } from './visible-choices';

/** How a new dialog is placed on the stack. */
export type StartMode =
  /** Forget every open dialog (a new topic). */
  | 'clear'
  /** Take the place of the current dialog (`goto: dialog:x`), keeping who called it. */
  | 'replace'
  /** Run on top; ask the current step again when it ends (interruption with resume). */
  | 'reask'
  /** Run on top; continue at the current step's `next` when it ends (`call`). */
  | 'next'
  /** Run on top; the current step comes back only through a `goto: resume` choice (interruption with `resume: ask`). */
  | 'ask';

/**
 * Starts `dialogId` at its start step. The main menu (`_global.menu`) always starts on an
 * empty stack, whatever `mode` says: a "Main menu" button or the menu interruption is a new
 * start, so no interrupted question stays underneath to come back later.
 */
export function startDialog(turn: Turn, dialogId: string, mode: StartMode, extraVars: Record<string, VarValue> = {}): void {
  const dialog = turn.content.dialogs[dialogId];
  if (!dialog) throw new Error(`engine: dialog '${dialogId}' does not exist; the content should not have passed validation`);
  const stack = turn.state.stack;
  let resume: Frame['resume'];
  if (dialogId === turn.content.global.menu) mode = 'clear';
  if (mode === 'clear') stack.length = 0;
  if (mode === 'replace') resume = stack.pop()?.resume;
  if (mode === 'reask' || mode === 'next' || mode === 'ask') resume = stack.length > 0 ? mode : undefined;
  // A dialog whose interruption says `resume: ask` never sends the user back by itself,
  // however it was entered (a "danger" button of a dialog that interrupted a question).
  if (resume === 'reask' && asksBeforeResuming(turn, dialogId)) resume = 'ask';
  const vars: Record<string, VarValue> = Object.fromEntries(dialog.counters.map((c) => [c, 0]));
  const frame: Frame = { dialog: dialogId, step: dialog.start, retries: 0, vars: { ...vars, ...extraVars } };
  if (resume) frame.resume = resume;
  stack.push(frame);
  turn.events.push({ type: 'dialog_started', dialog: dialogId });
  enterStep(turn, dialog.start);
}

/** True when `_global.yaml` interrupts with `dialogId` under `resume: ask`. */
function asksBeforeResuming(turn: Turn, dialogId: string): boolean {
  return turn.content.global.interruptions.some((i) => i.resume === 'ask' && 'dialog' in i.goto && i.goto.dialog === dialogId);
}

/**
 * Goes to a target of the current dialog: a step, another dialog (which replaces it; the menu
 * clears every open dialog), or back to the interrupted question (`goto: resume`).
 */
export function goTo(turn: Turn, target: Target): void {
  if ('dialog' in target) startDialog(turn, target.dialog, 'replace');
  else if ('step' in target) enterStep(turn, target.step);
  else resumeInterrupted(turn);
}

/** `goto: resume`: ends the innermost dialog and asks the question it interrupted again. */
function resumeInterrupted(turn: Turn): void {
  if (!canResume(turn)) {
    endDialog(turn);
    return;
  }
  const frame = turn.state.stack.pop()!;
  turn.events.push({ type: 'dialog_completed', dialog: frame.dialog, vars: { ...frame.vars } });
  reask(turn);
}

/** The step the innermost frame is at. */
export function currentStep(turn: Turn): Step | undefined {
  const frame = topFrame(turn);
  return frame ? turn.content.dialogs[frame.dialog]?.steps[frame.step] : undefined;
}

/**
 * Enters a step of the innermost dialog: set, effect, say, then its way forward.
 * A step with `effect: delete_data` ends the whole conversation after its texts (stack
 * cleared, `end` output): the channel deletes all state that turn, so no caller or
 * interrupted question may continue.
 */
export function enterStep(turn: Turn, stepId: string): void {
  const frame = topFrame(turn)!;
  const step = turn.content.dialogs[frame.dialog]?.steps[stepId];
  if (!step) throw new Error(`engine: step '${stepId}' of dialog '${frame.dialog}' does not exist; the content should not have passed validation`);
  if (++turn.stepsEntered > MAX_STEPS_PER_TURN) {
    throw new Error(`engine: more than ${MAX_STEPS_PER_TURN} steps in one turn at ${frame.dialog}.${stepId}: the script loops without asking the user; add choices to the loop`);
  }
  if (frame.step !== stepId) frame.retries = 0;
  frame.step = stepId;
  turn.events.push({ type: 'step_reached', dialog: frame.dialog, step: stepId });
  Object.assign(frame.vars, step.set);
  if (step.effect === 'delete_data') turn.outputs.push({ type: 'delete_data' });
  if (step.effect === 'handoff_request') turn.outputs.push({ type: 'handoff_request' });
  say(turn, frame, step.say);
  if (step.effect === 'delete_data') {
    turn.events.push({ type: 'dialog_completed', dialog: frame.dialog, vars: { ...frame.vars } });
    endConversation(turn);
  }
  else if (step.choices) showChoices(turn, frame, step);
  else if (step.call !== undefined) startDialog(turn, step.call, 'next');
  else if (step.next) goTo(turn, step.next);
  else if (step.branch) {
    const arm = step.branch.find((a) => a.when === undefined || checkCondition(a.when, frame.vars));
    if (arm) goTo(turn, arm.goto);
    else endDialog(turn);
  } else endDialog(turn);
}

/**
 * Asks the innermost step again after an interruption: its last text (the question) and its
 * choices, no `set`, no `effect`. The step's earlier texts were read before the interruption;
 * repeating all of them would push the reply past the four messages a phone screen holds.
 */
export function reask(turn: Turn): void {
  const frame = topFrame(turn);
  const step = currentStep(turn);
  if (!frame || !step) return;
  say(turn, frame, lastMessage(step.say, frame));
  if (step.choices) showChoices(turn, frame, step);
}

/** The items of the last message `items` would send: the last shown item and the ones joined to it. */
function lastMessage(items: SayItem[], frame: Frame): SayItem[] {
  const shown = items.filter((item) => item.each !== undefined || item.when === undefined || checkCondition(item.when, frame.vars));
  let start = shown.length - 1;
  while (start > 0 && shown[start]!.join) start--;
  return shown.slice(Math.max(start, 0));
}

/** Ends the innermost dialog and continues its caller (or the interrupted step). */
export function endDialog(turn: Turn): void {
  const frame = turn.state.stack.pop();
  if (!frame) return;
  turn.events.push({ type: 'dialog_completed', dialog: frame.dialog, vars: { ...frame.vars } });
  const parent = topFrame(turn);
  // `ask`: the user did not ask to go back, so the interrupted dialogs are closed too.
  if (!parent || !frame.resume || frame.resume === 'ask') {
    endConversation(turn);
    return;
  }
  if (frame.resume === 'reask') {
    reask(turn);
    return;
  }
  const next = currentStep(turn)?.next;
  if (next) goTo(turn, next);
  else endDialog(turn);
}

/** Closes every open dialog and outputs `end`: the conversation is idle. */
function endConversation(turn: Turn): void {
  turn.state.stack.length = 0;
  turn.outputs.push({ type: 'end' });
}

/**
 * Outputs the texts of `items` whose condition holds; `each: scan_flags` repeats per flag
 * (at most `max`), with `evidence` only in the turn the offer was scanned.
 */
export function say(turn: Turn, frame: Frame, items: SayItem[]): void {
  for (const item of items) {
    if (item.when !== undefined && !checkCondition(item.when, frame.vars)) continue;
    const join = item.join ? { join: true } : {};
    if (item.each === 'scan_flags') {
      const flags = scannedFlags(turn).slice(0, item.max ?? Infinity);
      for (const flag of flags) {
        const extra: Record<string, VarValue> = flag.evidence === undefined ? {} : { evidence: flag.evidence };
        turn.outputs.push({ type: 'say', key: item.key.replaceAll('{id}', flag.id), vars: varsOf(turn, frame, extra), ...join });
      }
      continue;
    }
    turn.outputs.push({ type: 'say', key: item.key, vars: varsOf(turn, frame), ...join });
  }
}

/** The flags of the reported scan: with their evidence in the turn of the scan, ids only later. */
function scannedFlags(turn: Turn): { id: string; evidence?: string }[] {
  if (turn.offer) return turn.offer.flags;
  return (turn.state.scan?.flags ?? []).map((id) => ({ id }));
}

function showChoices(turn: Turn, frame: Frame, step: Step): void {
  const options = visibleChoices(turn, step).map((c) => ({ id: c.id, label: c.label }));
  turn.outputs.push({ type: 'choices', options, vars: varsOf(turn, frame) });
}
