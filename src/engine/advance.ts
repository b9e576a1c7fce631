/**
 * The engine's one entry point: `advance(content, state, input) -> { state, outputs, events }`.
 * Pure: no I/O, no botbuilder, no sentence building (outputs are keys and variables).
 */
import { findInterruption, routeInput, runInterruption } from './route-input';
import { startDialog } from './run-steps';
import { beginTurn, finishTurn, varsOf, type Turn } from './turn';
import type { AdvanceResult, Content, ConversationState, EngineInput } from './types';

/**
 * Advances a conversation by one user input.
 * @param content validated content (from `loadContent`)
 * @param state the conversation's state, or undefined for a new conversation
 * @param input what the user did, already recognised
 * @returns the new state (a fresh object), the outputs to render in order, and events for logs
 * @throws Error only when the script loops without asking (more than 200 steps in one turn)
 */
export function advance(content: Content, state: ConversationState | undefined, input: EngineInput): AdvanceResult {
  const turn = beginTurn(content, state ?? { contentVersion: content.version, stack: [] });
  if (!state || input.type === 'start') {
    turn.state = { contentVersion: content.version, stack: [] };
    startDialog(turn, content.global.welcome, 'clear');
    return finishTurn(turn);
  }
  if (turn.state.contentVersion !== content.version) {
    turn.state.contentVersion = content.version;
    if (!isStateRunnable(turn)) {
      resetAfterEdit(turn, input);
      return finishTurn(turn);
    }
  }
  routeInput(turn, input);
  forgetReportedScan(turn);
  return finishTurn(turn);
}

/** The scan summary (risk and flag ids, no words of the ad) is kept only while its report is open. */
function forgetReportedScan(turn: Turn): void {
  const report = turn.content.global.on_offer_text;
  if (turn.state.scan && !turn.state.stack.some((f) => f.dialog === report)) delete turn.state.scan;
}

/** True when every open dialog and step still exists and the innermost step still waits for an answer. */
function isStateRunnable(turn: Turn): boolean {
  const stack = turn.state.stack;
  return stack.every((frame, i) => {
    const step = turn.content.dialogs[frame.dialog]?.steps[frame.step];
    if (!step) return false;
    if (i === stack.length - 1) return step.choices !== undefined;
    const child = stack[i + 1]!;
    return child.resume === 'next' ? step.next !== undefined && step.call !== undefined : step.choices !== undefined;
  });
}

/** The content changed under the user: one polite sentence, then the menu (or the interruption asked for). */
function resetAfterEdit(turn: Turn, input: EngineInput): void {
  turn.state.stack = [];
  delete turn.state.scan;
  turn.events.push({ type: 'state_reset', reason: 'content_changed' });
  turn.outputs.push({ type: 'say', key: turn.content.global.content_changed, vars: varsOf(turn, undefined) });
  const interruption = findInterruption(turn, input);
  if (interruption) runInterruption(turn, interruption);
  else startDialog(turn, turn.content.global.menu, 'clear');
}
