/**
 * `npm run validate` as a user runs it, in process through its `run(argv, io)`: its output and
 * its exit code; the last test runs it through `npm run` (compiled build, npm wiring).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/validate';
import { runCommandInProcess } from '../helpers/run-command';
import { materialiseFixture } from './fixture-project';

const ROOT = join(import.meta.dirname, '..', '..');

async function runValidate(args: string[]): Promise<{ code: number; lines: string[]; stderr: string }> {
  const r = await runCommandInProcess(run, args);
  return { code: r.code, lines: r.stdout.trim().split('\n'), stderr: r.stderr };
}

const made: (() => void)[] = [];
afterAll(() => made.forEach((remove) => remove()));

describe('npm run validate', () => {
  it('prints the broken line and exits 1 on a broken fixture', async () => {
    const f = materialiseFixture('unknown-step', true);
    made.push(f.remove);
    const { code, lines } = await runValidate(['--root', f.dir]);
    expect(code).toBe(1);
    expect(lines).toContain("dialogs/check-offer.yaml:12:65  error    steps.ask_fee.choices.yes.goto: unknown step 'ask_vis' (known: intro, ask_fee, ask_visa, result, high_risk, low_risk)");
    expect(lines.at(-1)).toMatch(/^[1-9]\d* errors?, \d+ warnings?$/);
  });

  it('prints 0 errors and exits 0 on valid content (fixture dialogs + the project intents and scanner rules)', async () => {
    const f = materialiseFixture('base', true);
    made.push(f.remove);
    const { code, lines } = await runValidate(['--root', f.dir]);
    expect(lines.at(-1)).toMatch(/^0 errors, \d+ warnings?$/);
    expect(code).toBe(0);
  });

  it('the shipped content is valid', async () => {
    const { code, lines } = await runValidate([]);
    expect(lines.filter((l) => /\s{2}error\s/.test(l))).toEqual([]);
    expect(lines.at(-1)).toMatch(/^0 errors, \d+ warnings?$/);
    expect(code).toBe(0);
  });

  it('names a --root without its folder in one line, exit 2', async () => {
    const r = await runValidate(['--root']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("validate: Option '--root <value>' argument missing (npm run validate -- --help shows the usage)");
  });

  it('npm run validate prints the same report from the shell and exits 1 on errors', async () => {
    const f = materialiseFixture('unknown-step', true);
    made.push(f.remove);
    const r = spawnSync('npm', ['run', '--silent', 'validate', '--', '--root', f.dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("dialogs/check-offer.yaml:12:65  error    steps.ask_fee.choices.yes.goto: unknown step 'ask_vis'");
  }, 60_000);
});
