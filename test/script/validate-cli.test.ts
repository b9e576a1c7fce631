/**
 * `npm run validate` as a user runs it: a real process, its output and its exit code.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { materialiseFixture } from './fixture-project';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src', 'cli', 'validate.ts');

function runValidate(args: string[]): { code: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, lines: r.stdout.trim().split('\n') };
}

const made: (() => void)[] = [];
afterAll(() => made.forEach((remove) => remove()));

describe('npm run validate', () => {
  it('prints the broken line and exits 1 on a broken fixture', () => {
    const f = materialiseFixture('unknown-step', true);
    made.push(f.remove);
    const { code, lines } = runValidate(['--root', f.dir]);
    expect(code).toBe(1);
    expect(lines).toContain("dialogs/check-offer.yaml:12:65  error    steps.ask_fee.choices.yes.goto: unknown step 'ask_vis' (known: intro, ask_fee, ask_visa, result, high_risk, low_risk)");
    expect(lines.at(-1)).toMatch(/^[1-9]\d* errors?, \d+ warnings?$/);
  });

  it('prints 0 errors and exits 0 on valid content (fixture dialogs + the project intents and scanner rules)', () => {
    const f = materialiseFixture('base', true);
    made.push(f.remove);
    const { code, lines } = runValidate(['--root', f.dir]);
    expect(lines.at(-1)).toMatch(/^0 errors, \d+ warnings?$/);
    expect(code).toBe(0);
  });

  it('the shipped content is valid', () => {
    const { code, lines } = runValidate([]);
    expect(lines.filter((l) => /\s{2}error\s/.test(l))).toEqual([]);
    expect(lines.at(-1)).toMatch(/^0 errors, \d+ warnings?$/);
    expect(code).toBe(0);
  });

  it('says how to fix a missing --root value', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--root'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--root needs a folder');
  });
});
