/**
 * Translations never lose a text: files that are not UTF-8 are refused before any row is
 * read, naming the fix, and nothing is written; limits travel with the texts (CSV column,
 * XLIFF maxwidth) and a text over its limit is refused with its row and key.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportTranslations, readTranslationFile } from '../../src/tools/i18n/export-translations';
import { importTranslations } from '../../src/tools/i18n/import-translations';
import { run as runI18nImport } from '../../src/cli/i18n-import';
import { runCommandInProcess } from '../helpers/run-command';
import { ROOT, snapshotDir } from './temp-locales';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A copy of the real project's content (dialogs and locales). */
function copyProject(): { root: string; localesDir: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'thinkfirst-enc-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of ['dialogs', 'locales']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  return { root, localesDir: join(root, 'locales'), out: join(root, 'out') };
}

/** What Excel's plain "CSV" does: one byte per character, `?` for letters Windows-1252 lacks. */
function toWindows1252(text: string): Buffer {
  return Buffer.from([...text.replace(/^\uFEFF/, '')].map((ch) => (ch.codePointAt(0)! <= 0xff ? ch.codePointAt(0)! : 0x3f)));
}

async function runImport(file: string, root: string) {
  const r = await runCommandInProcess(runI18nImport, [file, '--root', root]);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe('i18n:import refuses files that are not UTF-8', () => {
  const p = copyProject();
  const [vi] = exportTranslations(p.localesDir, { format: 'csv', sourceLang: 'en', outDir: p.out, langs: ['vi'] });
  const exported = readFileSync(vi!.path, 'utf8');
  const before = snapshotDir(p.localesDir);

  it('round-trips the real project: its own UTF-8 export imports with no change', () => {
    const report = importTranslations(p.localesDir, readTranslationFile(vi!.path), vi!.path);
    expect(report.errors).toEqual([]);
    expect(report.added.length + report.changed.length).toBe(0);
    expect(snapshotDir(p.localesDir)).toEqual(before);
  });

  const cases: [string, Buffer, RegExp][] = [
    ['Windows-1252 ("CSV" from Excel)', toWindows1252(exported), /:\d+: the file is not UTF-8 \(byte 0x[0-9A-F]{2}\): it was probably saved as "CSV" \(Windows-1252\)/],
    ['UTF-16 ("Unicode Text")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exported, 'utf16le')]), /:1: the file is saved as UTF-16/],
    ['mojibake (UTF-8 read as Windows-1252, saved again)', Buffer.from(Buffer.from(exported, 'utf8').toString('latin1').replace(/[\x80-\x9f]/g, '€'), 'utf8'), /is garbled text/],
    ['letters replaced by "?" and nothing else left', Buffer.from(exported.replace('Tạm biệt', 'T?m bi?t'), 'utf8'), /'T\?m' has '\?' inside a word/],
    ['replacement characters', Buffer.from(exported.replace('Tạm biệt', 'T\uFFFDm bi\uFFFDt'), 'utf8'), /holds "\uFFFD"/],
  ];
  for (const [name, bytes, message] of cases) {
    it(`refuses ${name}, names the fix "CSV UTF-8" and writes nothing`, async () => {
      const file = join(p.out, 'broken.csv');
      writeFileSync(file, bytes);
      const r = await runImport(file, p.root);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err).toContain('save it as "CSV UTF-8 (Comma delimited) (*.csv)"');
      expect(r.err).toContain('Nothing was imported');
      expect(snapshotDir(p.localesDir)).toEqual(before);
    });
  }
});

describe('length limits travel with the texts', () => {
  const p = copyProject();

  it('exports each text with its limit: a CSV column and XLIFF maxwidth (labels 20, messages 640)', () => {
    const [csv] = exportTranslations(p.localesDir, { format: 'csv', sourceLang: 'en', outDir: p.out, langs: ['fr'] });
    const lines = readFileSync(csv!.path, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFkey,source (en),translation (fr),status,max length');
    expect(lines.find((l) => l.startsWith('menu:intro.choices.'))).toMatch(/,20$/);
    expect(lines.find((l) => l.startsWith('menu:intro.text,'))).toMatch(/,640$/);
    const [xlf] = exportTranslations(p.localesDir, { format: 'xliff', sourceLang: 'en', outDir: p.out, langs: ['fr'] });
    expect(readFileSync(xlf!.path, 'utf8')).toMatch(/<trans-unit id="menu:intro\.choices\.[a-z_]+" maxwidth="20" size-unit="char"/);
  });

  it('refuses a label over 20 characters with its row and key, writing nothing', async () => {
    const [csv] = exportTranslations(p.localesDir, { format: 'csv', sourceLang: 'en', outDir: p.out, langs: ['fr'] });
    const lines = readFileSync(csv!.path, 'utf8').split('\r\n');
    const row = lines.findIndex((l) => l.startsWith('menu:intro.choices.'));
    const key = lines[row]!.split(',')[0]!;
    const cells = lines[row]!.split(',');
    cells[2] = 'Un libellé beaucoup trop long pour un bouton';
    lines[row] = cells.join(',');
    writeFileSync(csv!.path, lines.join('\r\n'));
    const before = snapshotDir(p.localesDir);
    const r = await runImport(csv!.path, p.root);
    expect(r.code).toBe(1);
    const line = readTranslationFile(csv!.path).rows.find((x) => x.key === key)!.line;
    expect(line).toBeGreaterThan(1);
    expect(r.err).toContain(`thinkfirst-fr.csv:${line}: '${key}' is 44 characters, over its limit of 20`);
    expect(snapshotDir(p.localesDir)).toEqual(before);
  });
});
