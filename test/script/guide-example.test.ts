/**
 * The example of docs/campaign-guide.md, section 5 ("Add a new dialog to the menu"), taken
 * from the guide itself and added to a copy of the project as the guide says: it validates,
 * and whichever answer the user gives, the dialog ends with buttons (never a dead end).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { advance } from '../../src/engine/advance';
import type { EngineOutput } from '../../src/engine/types';
import { formatDiagnostic } from '../../src/kernel/diagnostic';
import { loadValidatedContent } from '../../src/script/validate-project';

const ROOT = join(import.meta.dirname, '..', '..');
const root = mkdtempSync(join(tmpdir(), 'thinkfirst-guide-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The code blocks of section 5 of the guide, in order, with their language. */
function guideBlocks(): { lang: string; text: string }[] {
  const guide = readFileSync(join(ROOT, 'docs', 'campaign-guide.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## 5. Add a new dialog to the menu'), guide.indexOf('## 6. '));
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] ?? '', text: m[2] ?? '' }));
}

describe('the guide\'s example dialog', () => {
  it('validates once added as the guide says, and every path ends with buttons', () => {
    for (const dir of ['dialogs', 'locales']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
    const blocks = guideBlocks();
    writeFileSync(join(root, 'dialogs', 'visa-check.yaml'), blocks.find((b) => b.lang === 'yaml' && b.text.includes('id: visa-check'))!.text);
    const locales = blocks.filter((b) => b.lang === 'json' && b.text.includes('"ask"'));
    expect(locales).toHaveLength(3);
    locales.forEach((b, i) => writeFileSync(join(root, 'locales', ['en', 'fr', 'vi'][i]!, 'visa-check.json'), b.text));
    const menuLine = blocks.find((b) => b.lang === 'yaml' && b.text.includes('visa_check:'))!.text.split('\n').find((l) => l.includes('visa_check:'))!;
    const menu = join(root, 'dialogs', 'menu.yaml');
    writeFileSync(menu, readFileSync(menu, 'utf8').replace(/( +language: +\{[^\n]*\}\n)/, `$1${menuLine}\n`));
    for (const [lang, label] of [['en', 'Visa check'], ['fr', 'Vérifier un visa'], ['vi', 'Kiểm tra visa']] as const) {
      const file = join(root, 'locales', lang, 'menu.json');
      const json = JSON.parse(readFileSync(file, 'utf8')) as { intro: { choices: Record<string, string> } };
      json.intro.choices.visa_check = label;
      writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    }
    const { content, diagnostics } = loadValidatedContent(root);
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    const menuState = advance(content!, undefined, { type: 'start' }).state;
    const atMenu = advance(content!, menuState, { type: 'intent', intent: 'menu' } as never);
    for (const answer of ['tourist', 'work']) {
      const asked = advance(content!, atMenu.state, { type: 'choice', id: 'visa_check' });
      expect(asked.outputs.at(-1)).toMatchObject({ type: 'choices' });
      const answered = advance(content!, asked.state, { type: 'choice', id: answer });
      const last: EngineOutput | undefined = answered.outputs.at(-1);
      expect(last, `after '${answer}' the user gets buttons`).toMatchObject({ type: 'choices' });
      expect(answered.outputs.some((o) => o.type === 'end')).toBe(false);
    }
  });
});
