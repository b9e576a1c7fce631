/**
 * The working context of one `advance` call: a private copy of the state and the
 * outputs and events produced so far.
 */
import type { ScanResult } from '../kernel/scan-result';
import type { AdvanceResult, Content, ConversationState, EngineEvent, EngineOutput, Frame, VarValue } from './types';

export interface Turn {
  content: Content;
  state: ConversationState;
  outputs: EngineOutput[];
  events: EngineEvent[];
  /** Steps entered this turn; a guard against scripts that loop without asking anything. */
  stepsEntered: number;
  /** The offer scanned this turn, with its evidence; never copied into the state. */
  offer?: ScanResult;
}

/** Most steps one turn may enter before the engine reports a loop in the script. */
export const MAX_STEPS_PER_TURN = 200;

/** Starts a turn on a deep copy of `state` (the caller's object is never changed). */
export function beginTurn(content: Content, state: ConversationState): Turn {
  return { content, state: structuredClone(state), outputs: [], events: [], stepsEntered: 0 };
}

/** The result of the turn. */
export function finishTurn(turn: Turn): AdvanceResult {
  return { state: turn.state, outputs: turn.outputs, events: turn.events };
}

/** The innermost open dialog, if any. */
export function topFrame(turn: Turn): Frame | undefined {
  return turn.state.stack[turn.state.stack.length - 1];
}

/** Variables a text of `frame` can use: shared facts, then the dialog's counters and variables. */
export function varsOf(turn: Turn, frame: Frame | undefined, extra: Record<string, VarValue> = {}): Record<string, VarValue> {
  return { ...turn.content.variables, ...(frame?.vars ?? {}), ...extra };
}
