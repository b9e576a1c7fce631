/**
 * The statistics count arrivals at the steps a dialog declares in `stats:`; renaming such a
 * step without updating `stats:` is a validation error at its line, never a silent gap.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/kernel/diagnostic';
import { LANGS } from '../../src/kernel/lang';
import { validateProject } from '../../src/script/validate-project';

const ROOT = join(import.meta.dirname, '..', '..');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the project's dialogs/ and locales/ in a temp folder. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-stats-'));
  made.push(dir);
  for (const folder of ['dialogs', 'locales']) cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
  return dir;
}

/** Renames key `from` to `to` at the top level of every locale file `<lang>/<ns>.json`, keeping the key order. */
function renameLocaleKey(dir: string, ns: string, from: string, to: string): void {
  for (const lang of LANGS) {
    const file = join(dir, 'locales', lang, `${ns}.json`);
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const renamed = Object.fromEntries(Object.entries(data).map(([k, v]) => [k === from ? to : k, v]));
    writeFileSync(file, `${JSON.stringify(renamed, null, 2)}\n`);
  }
}

/** 1-based line of the first line of `file` that contains `needle`. */
function lineOf(file: string, needle: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('stats: steps of the dialogs', () => {
  it('reports a quiz result step renamed everywhere but in stats:, at its line, and nothing else', () => {
    const dir = copyProject();
    const quiz = join(dir, 'dialogs', 'quiz.yaml');
    const text = readFileSync(quiz, 'utf8');
    writeFileSync(quiz, text.replace('  great:\n', '  excellent:\n').replace('goto: great }', 'goto: excellent }'));
    renameLocaleKey(dir, 'quiz', 'great', 'excellent');
    const errors = validateProject(dir).filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^dialogs/quiz\\.yaml:${lineOf(quiz, 'quiz_bands:')}:\\d+ +error +stats\\.quiz_bands\\[0\\]: unknown step 'great' \\(.*excellent`));
    expect(errors[0]).toContain(`the statistics count arrivals at this step`);
  });

  it('reports a risk step renamed everywhere but in stats:', () => {
    const dir = copyProject();
    const scan = join(dir, 'dialogs', 'offer-scan.yaml');
    writeFileSync(scan, readFileSync(scan, 'utf8').replace('  medium:\n', '  medium_risk:\n').replace('goto: medium }', 'goto: medium_risk }'));
    renameLocaleKey(dir, 'offer-scan', 'medium', 'medium_risk');
    const errors = validateProject(dir).filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^dialogs/offer-scan\\.yaml:${lineOf(scan, 'risk_levels:')}:\\d+ +error +stats\\.risk_levels\\.medium: unknown step 'medium' \\(.*medium_risk`)));
  });

  it('accepts the shipped dialogs, whose stats: name real steps', () => {
    expect(validateProject(copyProject()).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
