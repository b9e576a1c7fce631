/**
 * The mistakes a person makes in a text editor, each reported where it is, with a hint;
 * and the rule that every number in _variables.yaml has its source row.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/kernel/diagnostic';
import { validateProject } from '../../src/script/validate-project';
import { materialiseFixture } from './fixture-project';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Validates the base fixture after `edit(path)` changes one of its files; returns the error lines. */
function errorsAfter(file: string, edit: (text: string) => string): string[] {
  const f = materialiseFixture('base', true);
  cleanups.push(f.remove);
  const path = join(f.dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return validateProject(f.dir).filter((d) => d.severity === 'error').map(formatDiagnostic);
}

describe('validator: editor mistakes', () => {
  it('reports a byte-order mark at line 1 and says what it is, in JSON and in YAML', () => {
    expect(errorsAfter('locales/fr/menu.json', (t) => `\uFEFF${t}`)).toEqual([
      expect.stringMatching(/^locales\/fr\/menu\.json:1:1 +error +the file starts with a byte-order mark \(BOM: three invisible bytes, EF BB BF.*save it as "UTF-8" without BOM$/),
    ]);
    expect(errorsAfter('dialogs/check-offer.yaml', (t) => `\uFEFF${t}`)[0]).toMatch(/^dialogs\/check-offer\.yaml:1:1 +error +the file starts with a byte-order mark/);
  });

  it('points at a curly quote where JSON needs a straight one', () => {
    const errors = errorsAfter('locales/en/menu.json', (t) => t.replace('"text": "What would you like to do?"', '"text": “What would you like to do?”'));
    expect(errors).toEqual([expect.stringMatching(/^locales\/en\/menu\.json:3:13 +error +curly quote “ where JSON needs a straight quote ".*type " instead/)]);
    // Inside a text, curly quotes are fine.
    expect(errorsAfter('locales/en/menu.json', (t) => t.replace('What would you like to do?', 'What would you “like” to do?'))).toEqual([]);
  });

  it('refuses a key written twice in a JSON file (the last copy would win silently)', () => {
    const errors = errorsAfter('locales/en/menu.json', (t) => t.replace('"text": "What would you like to do?",', '"text": "What would you like to do?",\n    "text": "Pick one",'));
    expect(errors).toEqual([expect.stringMatching(/^locales\/en\/menu\.json:4:5 +error +intro\.text: key 'text' is written twice \(first at line 3\); only the last copy would be used: keep one$/)]);
  });

  it('reports a mis-indented YAML line at that line, not where the parser gave up', () => {
    const original = readFileSync(join(import.meta.dirname, 'fixtures', 'base', 'dialogs', 'check-offer.yaml'), 'utf8');
    const lineOf = (text: string) => original.slice(0, original.indexOf(text)).split('\n').length;
    for (const [from, to, line] of [
      ['    next: ask_fee\n', '   next: ask_fee\n', lineOf('    next: ask_fee')],
      ['  ask_visa:\n', '   ask_visa:\n', lineOf('  ask_visa:')],
      ['      work:    { goto: result }\n', '        work:    { goto: result }\n', lineOf('      work:')],
      ['    say: [question]\n    choices:\n      tourist', '    say: [question]\n  choices:\n      tourist', lineOf('      tourist') - 1],
    ] as const) {
      const errors = errorsAfter('dialogs/check-offer.yaml', (t) => t.replace(from, to));
      expect(errors, to).toEqual([expect.stringMatching(new RegExp(`^dialogs/check-offer\\.yaml:${line}:1 +error +this line is indented by \\d spaces?, but the lines it belongs with use`))]);
    }
  });

  it('tells to quote a training phrase containing ": "', () => {
    const errors = errorsAfter('dialogs/intents/en.yaml', (t) => t.replace('    - hey bot\n', '    - hey bot: are you real\n'));
    expect(errors).toEqual([expect.stringMatching(/^dialogs\/intents\/en\.yaml:\d+:\d+ +error +.*this phrase contains ": ", which YAML reads as a key and a value; quote it: - "hey bot: are you real"$/)]);
  });
});

describe('validator: every number in _variables.yaml has its source', () => {
  it('refuses a new number without a row in SOURCES.md, naming the row to add', () => {
    const errors = errorsAfter('dialogs/_variables.yaml', (t) => `${t}  hotline_kh: "1288"\n`);
    expect(errors).toEqual([expect.stringMatching(/^dialogs\/_variables\.yaml:\d+:\d+ +error +variables\.hotline_kh: the number '1288' has no source: add a row to the variables table of dialogs\/SOURCES\.md: \| `hotline_kh` \| 1288 \|/)]);
  });

  it('refuses a number changed without updating its row', () => {
    const errors = errorsAfter('dialogs/_variables.yaml', (t) => t.replace('"111"', '"112"'));
    expect(errors).toEqual([expect.stringMatching(/variables\.hotline_vn: is '112' but dialogs\/SOURCES\.md:5 gives 111: update that row/)]);
  });

  it('holds for the real project', () => {
    expect(validateProject(process.cwd()).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
