/**
 * Live reload on a real temp folder: a valid edit delivers new content, an invalid edit
 * is reported and no content is delivered (the last valid content keeps serving).
 */
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Content } from '../../src/engine/types';
import type { Diagnostic } from '../../src/kernel/diagnostic';
import { loadContent } from '../../src/script/load-content';
import { watchContent } from '../../src/script/watch-content';
import { materialiseFixture } from './fixture-project';

/** Resolves with the first value pushed, or rejects after `ms`. */
function nextEvent<T>(register: (push: (v: T) => void) => void, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no reload event within ${ms} ms`)), ms);
    register((v) => {
      clearTimeout(t);
      resolve(v);
    });
  });
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('watchContent', () => {
  it('reloads valid edits and reports invalid ones without replacing the content', async () => {
    const f = materialiseFixture('base');
    cleanups.push(f.remove);
    // A whole project: the watcher validates training phrases, danger rules and scanner rules too.
    for (const part of ['intents', 'nlu', 'scanner']) cpSync(join(process.cwd(), 'dialogs', part), join(f.dir, 'dialogs', part), { recursive: true });
    const first = loadContent(f.dir).content!;
    let onChange: (c: Content) => void = () => {};
    let onInvalid: (d: Diagnostic[]) => void = () => {};
    const changes: Content[] = [];
    const watcher = watchContent(f.dir, (c) => { changes.push(c); onChange(c); }, (d) => onInvalid(d));
    cleanups.push(() => watcher.close());

    const file = join(f.dir, 'locales', 'en', 'menu.json');
    const changed = nextEvent<Content>((push) => (onChange = push));
    writeFileSync(file, readFileSync(file, 'utf8').replace('What would you like to do?', 'What do you need?'));
    const next = await changed;
    expect(next.version).not.toBe(first.version);
    expect((next.locales.en['menu'] as { intro: { text: string } }).intro.text).toBe('What do you need?');

    const dialog = join(f.dir, 'dialogs', 'check-offer.yaml');
    const invalid = nextEvent<Diagnostic[]>((push) => (onInvalid = push));
    writeFileSync(dialog, readFileSync(dialog, 'utf8').replace('goto: ask_visa }', 'goto: ask_vis }'));
    const diagnostics = await invalid;
    expect(diagnostics.find((d) => d.severity === 'error')?.message).toBe(
      "unknown step 'ask_vis' (known: intro, ask_fee, ask_visa, result, high_risk, low_risk)");
    expect(changes).toHaveLength(1);
  });

  it('reports a broken training-phrase file instead of reloading', async () => {
    const f = materialiseFixture('base');
    cleanups.push(f.remove);
    for (const part of ['intents', 'nlu', 'scanner']) cpSync(join(process.cwd(), 'dialogs', part), join(f.dir, 'dialogs', part), { recursive: true });
    const changes: Content[] = [];
    let onInvalid: (d: Diagnostic[]) => void = () => {};
    const watcher = watchContent(f.dir, (c) => changes.push(c), (d) => onInvalid(d));
    cleanups.push(() => watcher.close());
    const invalid = nextEvent<Diagnostic[]>((push) => (onInvalid = push));
    const intents = join(f.dir, 'dialogs', 'intents', 'en.yaml');
    writeFileSync(intents, `${readFileSync(intents, 'utf8')}\n  not_an_intent:\n    - hello there\n`);
    const diagnostics = await invalid;
    expect(diagnostics.some((d) => d.severity === 'error' && d.file === 'dialogs/intents/en.yaml')).toBe(true);
    expect(changes).toHaveLength(0);
  });

  it('keeps noticing a file that an editor saves atomically (temporary file renamed over it), save after save', async () => {
    const f = materialiseFixture('base');
    cleanups.push(f.remove);
    for (const part of ['intents', 'nlu', 'scanner']) cpSync(join(process.cwd(), 'dialogs', part), join(f.dir, 'dialogs', part), { recursive: true });
    let onChange: (c: Content, files: string[]) => void = () => {};
    const watcher = watchContent(f.dir, (c, files) => onChange(c, files), () => {});
    cleanups.push(() => watcher.close());
    const file = join(f.dir, 'locales', 'en', 'menu.json');
    const original = readFileSync(file, 'utf8');
    const introOf = (c: Content) => (c.locales.en['menu'] as { intro: { text: string } }).intro.text;
    for (const wording of ['First wording?', 'Second wording?', 'Third wording?']) {
      const changed = nextEvent<[Content, string[]]>((push) => (onChange = (c, files) => push([c, files])));
      const temp = join(f.dir, 'locales', 'en', '.menu.json.swp');
      writeFileSync(temp, original.replace('What would you like to do?', wording));
      renameSync(temp, file);
      const [content, files] = await changed;
      expect(introOf(content)).toBe(wording);
      expect(files).toEqual(['locales/en/menu.json']);
    }
  });
});
