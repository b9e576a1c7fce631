/**
 * Routes one user input (docs/script-format.md, "How free text is routed"): choice by
 * payload, label or number; interruptions; choice by intent; pasted job offers; triggers;
 * otherwise (retries, then `on_stuck`) or the fallback dialog.
 */
import type { Intent } from '../kernel/intent';
import { matchChoiceByAnswer, matchChoiceByIntent, matchChoiceDirect, type ChoiceMatch } from './match-choice';
import { currentStep, enterStep, goTo, reask, say, startDialog } from './run-steps';
import { topFrame, type Turn } from './turn';
import { summariseScan, type ScanResult } from '../kernel/scan-result';
import type { EngineInput, Interruption, Step } from './types';
import { visibleChoices } from './visible-choices';

/** Lowest intent confidence that starts a dialog or an interruption from free text. */
export const MIN_INTENT_SCORE = 0.5;
/** Intents acted on whatever their confidence: a person in danger must never be missed. */
export const GUARANTEED_INTENTS: readonly Intent[] = ['danger'];

/** The intent of an input when it is confident enough to act on, else null. */
function actionableIntent(input: EngineInput): Intent | null {
  if (input.type === 'intent') return input.intent;
  if (input.type !== 'text' || input.intent === 'unknown') return null;
  return input.score >= MIN_INTENT_SCORE || GUARANTEED_INTENTS.includes(input.intent) ? input.intent : null;
}

/** The interruption of `_global.yaml` the input asks for, in file order. */
export function findInterruption(turn: Turn, input: EngineInput): Interruption | undefined {
  const intent = actionableIntent(input);
  return intent ? turn.content.global.interruptions.find((i) => i.intent === intent) : undefined;
}

/** Runs an interruption: resume pushes it on top of the current dialog; otherwise it replaces everything. */
export function runInterruption(turn: Turn, it: Interruption): void {
  const top = topFrame(turn);
  turn.events.push({ type: 'interrupted', intent: it.intent, ...(top ? { dialog: top.dialog } : {}) });
  if (!('dialog' in it.goto)) throw new Error(`engine: interruption '${it.intent}' must go to a dialog`);
  const target = it.goto.dialog;
  if (top?.dialog === target) startDialog(turn, target, 'replace');
  else startDialog(turn, target, it.resume === 'ask' ? 'ask' : it.resume ? 'reask' : 'clear');
}

/** Routes an input of a conversation that has state. */
export function routeInput(turn: Turn, input: EngineInput): void {
  const step = currentStep(turn);
  // Only the choices on screen can be taken ("3" is the third button shown).
  const waiting = step?.choices ? { ...step, choices: visibleChoices(turn, step) } : undefined;
  const direct = waiting ? matchChoiceDirect(turn.content, waiting, input) : null;
  if (direct) return takeChoice(turn, direct);
  const interruption = findInterruption(turn, input);
  if (interruption && GUARANTEED_INTENTS.includes(interruption.intent)) return runInterruption(turn, interruption);
  if (asksSafetyQuestion(turn, input)) return;
  // A pasted job ad is reported as such, even where its words also read as a menu topic or a command.
  if (input.type === 'text' && input.scan && (input.scan.looksLikeAd || describesOffer(input))) return reportOffer(turn, input.scan, step);
  // A short answer ("ko", "oui") to the question just asked beats a weaker interruption ("ko" also reads as cancel).
  const byAnswer = waiting ? matchChoiceByAnswer(waiting, input) : null;
  if (byAnswer) return takeChoice(turn, byAnswer);
  if (interruption) return runInterruption(turn, interruption);
  const byIntent = waiting ? matchChoiceByIntent(waiting, input) : null;
  if (byIntent) return takeChoice(turn, byIntent);
  if (input.type === 'text' && input.scan && step?.expect === 'offer_text') return reportOffer(turn, input.scan, step);
  const intent = actionableIntent(input);
  const triggered = intent ? Object.values(turn.content.dialogs).find((d) => d.triggers.includes(intent)) : undefined;
  if (triggered) return startDialog(turn, triggered.id, 'clear');
  if (waiting) return notUnderstood(turn, waiting);
  turn.events.push({ type: 'unknown_intent' });
  startDialog(turn, turn.content.global.fallback, 'clear');
}

/**
 * Partial evidence of danger: the `on_possible_danger` dialog asks the safety question (over the
 * current dialog, which comes back afterwards), with the message's other intent in `intent` for
 * a "no". Not while that question is open: the answer to it is routed as usual.
 */
function asksSafetyQuestion(turn: Turn, input: EngineInput): boolean {
  const dialog = turn.content.global.on_possible_danger;
  if (input.type !== 'text' || !input.possibleDanger || !dialog) return false;
  if (turn.state.stack.some((f) => f.dialog === dialog)) return false;
  startDialog(turn, dialog, 'reask', { intent: input.intent });
  return true;
}

/**
 * A message about an offer (intent `check_offer`) in which the scan already sees warning signs
 * ("I got an offer in Cambodia paying 2000 dollars, no experience needed, they pay my flight"):
 * the bot answers with those signs first, then offers the questions.
 */
function describesOffer(input: Extract<EngineInput, { type: 'text' }>): boolean {
  return input.intent === 'check_offer' && (input.scan?.flags.length ?? 0) > 0;
}

/** Keeps the scan (evidence for this turn only) and starts `on_offer_text` (in place of the paste step, or afresh). */
function reportOffer(turn: Turn, scan: ScanResult, step: Step | undefined): void {
  turn.offer = scan;
  turn.state.scan = summariseScan(scan);
  const vars = { risk: scan.risk, flag_count: scan.flags.length };
  startDialog(turn, turn.content.global.on_offer_text, step?.expect === 'offer_text' ? 'replace' : 'clear', vars);
}

function takeChoice(turn: Turn, { choice, by }: ChoiceMatch): void {
  const frame = topFrame(turn)!;
  turn.events.push({ type: 'choice_taken', dialog: frame.dialog, step: frame.step, choice: choice.id, by });
  for (const [name, n] of Object.entries(choice.add)) {
    const cur = frame.vars[name];
    frame.vars[name] = (typeof cur === 'number' ? cur : 0) + n;
  }
  Object.assign(frame.vars, choice.set);
  if (choice.lang) turn.outputs.push({ type: 'set_language', lang: choice.lang });
  frame.retries = 0;
  goTo(turn, choice.goto);
}

/** `otherwise`: say it and ask again (or go to its target); after `retry` failures, `on_stuck`. */
function notUnderstood(turn: Turn, step: Step): void {
  const frame = topFrame(turn)!;
  const otherwise = step.otherwise!;
  turn.events.push({ type: 'not_understood', dialog: frame.dialog, step: frame.step });
  frame.retries += 1;
  if (frame.retries > otherwise.retry) {
    startDialog(turn, turn.content.global.on_stuck, 'clear');
    return;
  }
  say(turn, frame, otherwise.say);
  const target = otherwise.goto;
  if ('step' in target && target.step === frame.step) reask(turn);
  else if ('step' in target) {
    const retries = frame.retries;
    enterStep(turn, target.step);
    frame.retries = retries;
  } else goTo(turn, target);
}
