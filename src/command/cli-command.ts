/**
 * What every CLI of src/cli/ shares: `run(argv, io)` does the work and returns the exit code
 * (tests call it in process with buffers); a thin entry, `runIfMain`, calls it with the real
 * process streams when the file is the program node started.
 */
import { pathToFileURL } from 'node:url';
import { readEnvironment } from '../config';
import { UsageError, wantsHelp } from '../util/read-args';

/** Something text is written to: a process stream, or a buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/** Where a command reads and writes. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Standard input, for the commands that read it (chat, transcript, scan, staff). */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  /** The environment the configuration is read from (STORAGE_URL…): the process environment and .env, or a test's own. */
  env: NodeJS.ProcessEnv;
}

/** A command: resolves with its exit code (0 done, 1 failed, 2 command-line mistake). */
export type CliRun = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Runs `work` the way every command behaves: `--help` prints `usage` on stdout (exit 0); a
 * {@link UsageError} prints its one line on stderr (exit 2); any other error prints
 * `<command>: <message>` on stderr, without a stack trace (exit 1).
 */
export async function runCommand(command: string, usage: string, argv: string[], io: CliIo, work: () => number | Promise<number>): Promise<number> {
  if (wantsHelp(argv)) {
    io.stdout.write(`${usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await work();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    io.stderr.write(`${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** The real process: standard streams, and the environment with the project's .env (the environment wins). */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: readEnvironment() };
}

/**
 * Runs `run` with the process's arguments and streams when `moduleUrl` (the command file's
 * `import.meta.url`) is the program node started, then exits with its code. A reader that
 * goes away (`npm run chat | head`) ends the command quietly.
 */
export function runIfMain(moduleUrl: string, run: CliRun): void {
  const main = process.argv[1];
  if (!main || pathToFileURL(main).href !== moduleUrl) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  Promise.resolve().then(() => run(process.argv.slice(2), processIo())).then(
    (code) => {
      // Written output is flushed first; then nothing left open (a Redis client, stdin) keeps the command alive.
      process.stdout.write('', () => process.exit(code));
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
