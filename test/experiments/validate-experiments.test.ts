/** A/B variants are validated like every text: each mistake reported where it is, with what to do. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareVariants, wilsonInterval } from '../../src/analytics/compare-variants';
import { formatDiagnostic } from '../../src/kernel/diagnostic';
import { validateProject } from '../../src/script/validate-project';

const ROOT = join(import.meta.dirname, '..', '..');
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** Errors of a copy of the real project after `edits` (path -> edit of its text). */
function errorsAfter(edits: Record<string, (text: string) => string>): string[] {
  const root = mkdtempSync(join(tmpdir(), 'thinkfirst-ab-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of ['dialogs', 'locales']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  for (const [file, edit] of Object.entries(edits)) writeFileSync(join(root, file), edit(readFileSync(join(root, file), 'utf8')));
  return validateProject(root).filter((d) => d.severity === 'error').map(formatDiagnostic);
}

describe('validation of A/B variants', () => {
  it('accepts the shipped experiment', () => {
    expect(errorsAfter({})).toEqual([]);
  });

  it('reports a variant missing in one language', () => {
    expect(errorsAfter({ 'locales/fr/menu.json': (t) => t.replace(/\n {4}"text@b": .*\n/, '\n') })).toEqual([
      expect.stringMatching(/^locales\/fr\/menu\.json:\d+:\d+ +error +key 'intro\.text@b' is missing \(present in vi, en\)$/),
    ]);
  });

  it('reports a variant whose {{placeholders}} differ from the text it varies', () => {
    expect(errorsAfter({ 'locales/en/menu.json': (t) => t.replace('Got a job offer?', 'Got a job offer? Call {{hotline_vn}}.') })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^locales\/en\/menu\.json:\d+:1 +error +variant 'intro\.text@b' has \{\{placeholders\}\} hotline_vn but the text it varies has none: keep the same ones$/)]),
    );
  });

  it('reports variants that no experiment names, and an outcome that names no dialog', () => {
    expect(errorsAfter({ 'dialogs/_experiments.yaml': (t) => t.replace('text: menu:intro.text', 'text: about:intro.who') })).toEqual([
      expect.stringMatching(/dialogs\/_experiments\.yaml:\d+:\d+ +error +experiments\.menu-check-first\.text: 'about:intro\.who' has no variants: add "who@b"/),
      expect.stringMatching(/locales\/en\/menu\.json:\d+:1 +error +'menu:intro\.text' has variants \(@b\) but no experiment names it: add it to dialogs\/_experiments\.yaml/),
    ]);
    expect(errorsAfter({ 'dialogs/_experiments.yaml': (t) => t.replace('started: check-offer', 'started: check-ofer') })).toEqual([
      expect.stringMatching(/experiments\.menu-check-first\.outcome: unknown dialog 'check-ofer' \(known: .*check-offer/),
    ]);
  });
});

describe('A/B statistics', () => {
  it('gives Wilson intervals and calls a winner only with enough data and a clear difference', () => {
    const ci = wilsonInterval(6, 30);
    expect(ci.low).toBeCloseTo(0.0951, 3);
    expect(ci.high).toBeCloseTo(0.3731, 3);
    expect(compareVariants([{ variant: 'a', exposed: 60, converted: 9 }, { variant: 'b', exposed: 99, converted: 30 }], 100, 5).status).toBe('not_enough_data');
    const clear = compareVariants([{ variant: 'a', exposed: 400, converted: 60 }, { variant: 'b', exposed: 410, converted: 103 }], 100, 5);
    expect(clear).toMatchObject({ status: 'winner', winner: 'b' });
    expect(clear.verdict).toMatch(/^Variant b does better than the original \(25\.1% against 15\.0%, p (= 0\.00\d|< 0\.001)\)\.$/);
    const close = compareVariants([{ variant: 'a', exposed: 400, converted: 60 }, { variant: 'b', exposed: 400, converted: 66 }], 100, 5);
    expect(close).toMatchObject({ status: 'no_difference_yet' });
    expect(close.verdict).toMatch(/^No clear difference yet \(p = 0\.\d\d\)/);
  });

  it('masks small counts and shows no rate from them', () => {
    const r = compareVariants([{ variant: 'a', exposed: 3, converted: 1 }, { variant: 'b', exposed: 40, converted: 2 }], 100, 5);
    expect(r.variants).toEqual([
      { variant: 'a', exposed: '<5', converted: '<5', rate: null, low: null, high: null },
      { variant: 'b', exposed: 40, converted: '<5', rate: null, low: null, high: null },
    ]);
  });
});
