import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { formatDiagnostic } from '../../src/kernel/diagnostic';
import { validateIntents } from '../../src/nlu/validate-intents';
import { INTENTS } from '../../src/kernel/intent';
import { LANGS } from '../../src/kernel/lang';
import { loadIntentFile } from '../../src/nlu/load-intents';
import { loadRecogniser } from '../../src/script/load-language';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project root with the real intent files, optionally one of them replaced. */
function makeRoot(replace: Partial<Record<string, string>> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'intents-'));
  dirs.push(root);
  mkdirSync(join(root, 'dialogs', 'intents'), { recursive: true });
  for (const lang of LANGS) {
    const text = replace[lang] ?? readFileSync(join('dialogs', 'intents', `${lang}.yaml`), 'utf8');
    if (text !== '') writeFileSync(join(root, 'dialogs', 'intents', `${lang}.yaml`), text);
  }
  mkdirSync(join(root, 'dialogs', 'nlu'));
  for (const name of ['danger', 'lexicons']) {
    writeFileSync(join(root, 'dialogs', 'nlu', `${name}.yaml`), replace[name] ?? readFileSync(join('dialogs', 'nlu', `${name}.yaml`), 'utf8'));
  }
  return root;
}

describe('the shipped training files', () => {
  it('have no problem at all', () => {
    expect(validateIntents('.').map(formatDiagnostic)).toEqual([]);
  });

  it('hold at least 25 phrases per intent per language', () => {
    for (const lang of LANGS) {
      const f = loadIntentFile('dialogs/intents', lang);
      for (const intent of INTENTS) {
        expect(f.phrases.filter((p) => p.intent === intent).length, `${lang}/${intent}`).toBeGreaterThanOrEqual(25);
      }
    }
  });
});

describe('validateIntents on broken files', () => {
  const en = readFileSync('dialogs/intents/en.yaml', 'utf8');

  it('reports an unknown intent name with its line and the known names', () => {
    const root = makeRoot({ en: en.replace('  greet:\n', '  greeting:\n') });
    const lines = validateIntents(root).map(formatDiagnostic);
    const line = en.split('\n').indexOf('  greet:') + 1;
    expect(lines).toContain(`dialogs/intents/en.yaml:${line}:3  error    intents.greeting: unknown intent 'greeting' (known: ${INTENTS.join(', ')})`);
    expect(lines.some((l) => l.includes("intent 'greet' is missing (present in vi, fr)"))).toBe(true);
  });

  it('reports duplicate phrases, even when they differ only by case and diacritics', () => {
    const root = makeRoot({ en: en.replace('    - hi there\n', '    - hi there\n    - Hi Thére\n') });
    const d = validateIntents(root).filter((x) => x.message.startsWith('duplicate'));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'error', file: 'dialogs/intents/en.yaml', line: en.split('\n').indexOf('    - hi there') + 2, col: 7 });
  });

  it('reports non-NFC phrases', () => {
    const vi = readFileSync('dialogs/intents/vi.yaml', 'utf8');
    const root = makeRoot({ vi: vi.replace('    - xin chào\n', `    - ${'xin chào'.normalize('NFD')}\n`) });
    const d = validateIntents(root).filter((x) => x.message.includes('NFC'));
    expect(d).toHaveLength(1);
    expect(d[0]?.file).toBe('dialogs/intents/vi.yaml');
  });

  it('warns about intents with few examples, without blocking', () => {
    const fewThanks = en.replace(/  thanks:\n(    - .*\n)+/, '  thanks:\n    - thanks\n    - thank you\n');
    const d = validateIntents(makeRoot({ en: fewThanks })).find((x) => x.path === 'intents.thanks');
    expect(d).toMatchObject({ severity: 'warning' });
    expect(d?.message).toContain('only 2 example(s)');
  });

  it('reports a missing file and YAML syntax errors, and training refuses such files', () => {
    const root = makeRoot({ fr: '', en: 'version: 1\nintents:\n  greet: [hello\n' });
    const lines = validateIntents(root).map(formatDiagnostic);
    expect(lines.some((l) => l.startsWith('dialogs/intents/fr.yaml:1:1  error') && l.includes('file is missing'))).toBe(true);
    expect(lines.some((l) => l.startsWith('dialogs/intents/en.yaml:') && l.includes('YAML syntax'))).toBe(true);
    expect(() => loadRecogniser(join(root, 'dialogs', 'intents'))).toThrow(/fr\.yaml:1:1/);
  });

  it('reports danger patterns that cannot work, at their line, and training refuses them', () => {
    const danger = readFileSync(join('dialogs', 'nlu', 'danger.yaml'), 'utf8');
    const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
    const broken = danger.replace("        - 'electrocut'\n", "        - 'electrocut(('\n").replace("        - 'enferm'\n", "        - 'Enfermé'\n");
    const lines = validateIntents(makeRoot({ danger: broken })).map(formatDiagnostic);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^dialogs/nlu/danger\\.yaml:${lineOf(broken, "'electrocut(('")}:\\d+ +error .*not a valid regular expression`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^dialogs/nlu/danger\\.yaml:${lineOf(broken, "'Enfermé'")}:\\d+ +error .*capitals or diacritics`)));
    const root = makeRoot({ danger: broken });
    expect(() => loadRecogniser(join(root, 'dialogs', 'intents'))).toThrow(/danger\.yaml:\d+:\d+/);
  });

  it('requires every danger category in the three languages', () => {
    const danger = readFileSync(join('dialogs', 'nlu', 'danger.yaml'), 'utf8');
    const noFrench = danger.replace(/(  lost_location:\n    clear:\n      vi:\n(        [-#] .*\n)+)      fr:\n(        [-#] .*\n)+/, '$1');
    const lines = validateIntents(makeRoot({ danger: noFrench })).map(formatDiagnostic);
    expect(lines).toContainEqual(expect.stringMatching(/^dialogs\/nlu\/danger\.yaml:\d+:\d+ +error .*missing list 'fr'/));
  });

  it('reports lexicon entries that cannot work, at their line', () => {
    const lexicons = readFileSync(join('dialogs', 'nlu', 'lexicons.yaml'), 'utf8');
    const broken = lexicons.replace("  poipet: ['poipet'", "  poipet: ['Poipêt', 'poi(pet'").replace("  no:\n    ['khong',", "  no:\n    ['vang', 'khong',");
    const lines = validateIntents(makeRoot({ lexicons: broken })).map(formatDiagnostic);
    expect(lines).toContainEqual(expect.stringMatching(/^dialogs\/nlu\/lexicons\.yaml:\d+:\d+ +error .*'Poipêt' has capitals or diacritics/));
    expect(lines).toContainEqual(expect.stringMatching(/^dialogs\/nlu\/lexicons\.yaml:\d+:\d+ +error .*'poi\(pet' is not a valid regular expression/));
    expect(lines).toContainEqual(expect.stringMatching(/^dialogs\/nlu\/lexicons\.yaml:\d+:\d+ +error .*'vang' is listed under both 'yes' and 'no'/));
  });

  it('reports a held place that is not a place of the lexicons, at its line, and training refuses it', () => {
    const danger = readFileSync(join('dialogs', 'nlu', 'danger.yaml'), 'utf8');
    const renamed = danger.replace(/^held_places: \[(.*)\bpoipet\b/m, 'held_places: [$1poi_pet');
    expect(renamed).not.toBe(danger);
    const line = renamed.split('\n').findIndex((l) => l.startsWith('held_places:')) + 1;
    const root = makeRoot({ danger: renamed });
    const lines = validateIntents(root).map(formatDiagnostic);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^dialogs/nlu/danger\\.yaml:${line}:\\d+ +error +held_places\\[\\d+\\]: unknown place 'poi_pet' \\(known: .*\\bpoipet\\b`)));
    expect(() => loadRecogniser(join(root, 'dialogs', 'intents'))).toThrow(/danger\.yaml:\d+:\d+/);
  });
});
