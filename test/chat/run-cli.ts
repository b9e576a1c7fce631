/**
 * Runs a CLI of src/cli/ in process through its `run(argv, io)` (as `npm run` does, without
 * the process start-up), lines on stdin (then end of input), and collects what it prints.
 */
import { loadCommand, runCommandInProcess, type CommandResult } from '../helpers/run-command';

export type CliRun = CommandResult;

/** Runs `src/cli/<script>` with `args`, `lines` on stdin and an empty environment. */
export async function runCli(script: string, args: string[], lines: string[]): Promise<CliRun> {
  return runCommandInProcess(await loadCommand(script.replace(/\.ts$/, '')), args, { stdin: lines.map((line) => `${line}\n`).join('') });
}
