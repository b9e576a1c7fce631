/**
 * The command line of a CLI, the same way for every command: `--help` / `-h` prints the
 * usage on stdout and exits 0; an unknown option or a missing value prints one line naming
 * it on stderr and exits 2 (no stack trace).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** True when `argv` asks for the usage. */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** Prints `usage` and exits 0 when `argv` asks for help. */
export function answerHelp(argv: string[], usage: string): void {
  if (!wantsHelp(argv)) return;
  process.stdout.write(`${usage.trimEnd()}\n`);
  process.exit(0);
}

/** Prints one line naming the problem with the command line and exits 2. */
export function refuseArgs(command: string, problem: string): never {
  process.stderr.write(`${command}: ${problem} (npm run ${command} -- --help shows the usage)\n`);
  process.exit(2);
}

/**
 * Parses `argv` with node's strict `parseArgs` after answering `--help`.
 * @param command the npm script name, for messages (e.g. `graph`).
 */
export function readArgs<T extends ParseArgsConfig>(command: string, usage: string, config: T, argv: string[] = process.argv.slice(2)): ReturnType<typeof parseArgs<T>> {
  answerHelp(argv, usage);
  try {
    return parseArgs({ ...config, args: argv, strict: true }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // node's messages add advice on positionals after the first sentence; one line is enough.
    return refuseArgs(command, message.split(/\.\s/)[0]!.replace(/\.$/, ''));
  }
}
