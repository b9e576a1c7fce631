/**
 * Every command of src/cli/ answers `--help` with its usage (exit 0), and a mistyped option
 * gets one line naming it and pointing to --help (exit 2), never a stack trace. In process
 * through each command's `run(argv, io)`; the last test runs one through `npm run` for the wiring.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCommand, runCommandInProcess } from '../helpers/run-command';

const ROOT = join(import.meta.dirname, '..', '..');
const COMMANDS = readdirSync(join(ROOT, 'src', 'cli')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));

describe('command-line help and mistakes', () => {
  it('finds every command', () => {
    expect(COMMANDS).toEqual(expect.arrayContaining(['chat', 'graph', 'i18n-export', 'nlu', 'playground', 'scan', 'staff', 'stats', 'transcript', 'validate']));
  });

  it.each(COMMANDS)('%s --help prints its usage and exits 0', async (command) => {
    const result = await runCommandInProcess(await loadCommand(command), ['--help']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/usage/i);
    expect(result.stderr).toBe('');
  });

  it.each(COMMANDS)('%s names an unknown option in one line, exit 2', async (command) => {
    const result = await runCommandInProcess(await loadCommand(command), ['--no-such-option']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("'--no-such-option'");
    expect(result.stderr).toContain('--help');
  });

  it('npm run scan answers a mistake the same way from the shell (compiled build, npm wiring)', () => {
    const help = spawnSync('npm', ['run', '--silent', 'scan', '--', '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run scan/);
    const wrong = spawnSync('npm', ['run', '--silent', 'scan', '--', '--colour'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim()).toBe("scan: Unknown option '--colour' (npm run scan -- --help shows the usage)");
  }, 60_000);

  it('the launcher of the compiled commands lists them for --help and names an unknown one', () => {
    const launcher = join(ROOT, 'scripts', 'cli.mjs');
    const help = spawnSync(process.execPath, [launcher, '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('commands: chat, graph');
    const unknown = spawnSync(process.execPath, [launcher, 'no-such-command'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain("no command 'no-such-command' (known: chat, graph");
  }, 60_000);
});
