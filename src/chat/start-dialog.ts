/**
 * `--dialog ID` of the terminal chat: an engine step function whose first `start` opens
 * dialog ID instead of the welcome, so a tester can jump straight to the flow under test.
 */
import type { AdvanceFn } from '../channel/types';
import { startDialog } from '../engine/run-steps';
import { beginTurn, finishTurn } from '../engine/turn';
import type { Content } from '../engine/types';

/**
 * Checks that `dialogId` exists in `content`.
 * @throws naming the unknown id and the known ones, so the tester can correct the command.
 */
export function assertDialogExists(content: Content, dialogId: string): void {
  if (content.dialogs[dialogId]) return;
  const known = Object.keys(content.dialogs).sort().join(', ');
  throw new Error(`--dialog: unknown dialog '${dialogId}' (known: ${known}); use a file name of dialogs/ without .yaml`);
}

/**
 * Wraps `advance` so that a new conversation (a `start` input) opens `dialogId` at its start step.
 * Every other input goes to `advance` unchanged.
 */
export function createAdvanceStartingAt(advance: AdvanceFn, dialogId: string): AdvanceFn {
  return (content, state, input) => {
    if (input.type !== 'start') return advance(content, state, input);
    assertDialogExists(content, dialogId);
    const turn = beginTurn(content, { contentVersion: content.version, stack: [] });
    startDialog(turn, dialogId, 'clear');
    return finishTurn(turn);
  };
}
