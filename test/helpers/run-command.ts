/**
 * Runs a command of src/cli/ in process, through its exported `run(argv, io)`: standard input
 * from `stdin`, output collected, the exit code returned. Same code path as `npm run <name>`
 * without the process start-up.
 */
import { Readable } from 'node:stream';
import type { CliIo, CliRun } from '../../src/command/cli-command';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CommandInput {
  /** Standard input (default: empty). */
  stdin?: string;
  /** The environment the command sees (default: none: no STORAGE_URL from the caller's shell). */
  env?: NodeJS.ProcessEnv;
}

/** Calls `run(argv, io)` with buffers for the streams. */
export async function runCommandInProcess(run: CliRun, argv: string[], input: CommandInput = {}): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(input.stdin ? [input.stdin] : []),
    env: input.env ?? {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Every command of src/cli/ by file name, loaded for its `run`. */
export async function loadCommand(name: string): Promise<CliRun> {
  const module = (await import(`../../src/cli/${name}.ts`)) as { run?: CliRun };
  if (typeof module.run !== 'function') throw new Error(`src/cli/${name}.ts exports no run(argv, io)`);
  return module.run;
}
