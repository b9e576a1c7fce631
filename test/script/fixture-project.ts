/**
 * Broken fixtures are overlays: test/script/fixtures/<rule>/ holds only the files that
 * differ from test/script/fixtures/base/. This builds the full project in a temp folder.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/**
 * Copies base + the overlay of `rule` into a temp dir; with `withProjectRules`, also the
 * project's intents, danger rules and scanner rules (for `npm run validate`, which checks them too).
 */
export function materialiseFixture(rule: string, withProjectRules = false): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `thinkfirst-${rule}-`));
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  if (rule !== 'base') cpSync(join(FIXTURES, rule), dir, { recursive: true });
  if (withProjectRules) {
    for (const sub of ['intents', 'nlu', 'scanner']) {
      cpSync(join(import.meta.dirname, '..', '..', 'dialogs', sub), join(dir, 'dialogs', sub), { recursive: true });
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
