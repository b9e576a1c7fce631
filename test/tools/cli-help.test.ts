/**
 * Every command answers `--help` with its usage (exit 0), and a mistyped option gets one
 * line naming it (exit 2), never a stack trace. Runs the compiled commands, as
 * `npm run <command>` does (test/global-setup.ts builds dist/).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const COMMANDS = readdirSync(join(ROOT, 'src', 'cli')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
/** Commands whose refusal is a single line (the others add their usage after it). */
const ONE_LINE = ['graph', 'i18n-export', 'i18n-import', 'i18n-status', 'nlu', 'nlu-eval', 'scan', 'scan-eval', 'stats', 'validate'];

function runCli(command: string, args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', `${command}.js`), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
}

describe('command-line help and mistakes', () => {
  it.each(COMMANDS)('%s --help prints its usage and exits 0', (command) => {
    const result = runCli(command, ['--help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/usage/i);
  });

  it.each(COMMANDS)('%s names an unknown option without a stack trace', (command) => {
    const result = runCli(command, ['--no-such-option']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--no-such-option');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    if (ONE_LINE.includes(command)) expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
