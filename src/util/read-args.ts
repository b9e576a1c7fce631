/**
 * The command line of every CLI, read the same way: node's strict `parseArgs`, `--help` / `-h`
 * answered with the usage, and a mistake (unknown option, missing or bad value) reported as
 * one line naming it, never a stack trace. See `runCommand` in ./cli-command.ts.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A mistake on the command line: the command prints `message` (one line) and exits 2.
 * @param command the npm script name (e.g. `i18n:export`), for the pointer to `--help`.
 */
export class UsageError extends Error {
  constructor(command: string, problem: string) {
    super(`${command}: ${problem} (npm run ${command} -- --help shows the usage)`);
    this.name = 'UsageError';
  }
}

/** True when `argv` asks for the usage (`--help` or `-h` before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * Parses `argv` (the arguments after `npm run <command> --`) with node's strict `parseArgs`.
 * @throws UsageError naming the unknown option or the option missing its value.
 */
export function readArgs<T extends ParseArgsConfig>(command: string, config: T, argv: string[]): ReturnType<typeof parseArgs<T>> {
  const options = { ...config.options, help: { type: 'boolean', short: 'h' } } as const;
  try {
    return parseArgs({ ...config, options, args: argv, strict: true }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // node adds advice on positionals after the first sentence; one line is enough.
    throw new UsageError(command, message.split(/\.\s/)[0]!.replace(/\.$/, ''));
  }
}

/**
 * Checks that `value` is one of `allowed`.
 * @throws UsageError naming the option, the allowed values and what was given.
 */
export function readChoice<T extends string>(command: string, option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(command, `${option} must be one of ${allowed.join(', ')} (got '${value}')`);
}
