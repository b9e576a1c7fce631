import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue } from '../../src/tools/i18n/catalogue';
import { parseCsv } from '../../src/tools/i18n/csv-format';
import { exportTranslations, readTranslationFile } from '../../src/tools/i18n/export-translations';
import { importTranslations } from '../../src/tools/i18n/import-translations';
import { markReviewed, summariseStatus } from '../../src/tools/i18n/translation-status';
import { parseXliff } from '../../src/tools/i18n/xliff-format';
import { copyLocales } from './temp-locales';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup() {
  const tmp = copyLocales();
  cleanups.push(tmp.cleanup);
  const exportTo = (format: 'csv' | 'xliff' = 'csv', lang = 'fr') =>
    exportTranslations(tmp.localesDir, { format, sourceLang: 'en', outDir: join(tmp.root, 'out'), langs: [lang] })[0]!.path;
  const read = (lang: string) => readFileSync(join(tmp.localesDir, lang, 'demo.json'), 'utf8');
  const editSource = (from: string, to: string) => {
    const path = join(tmp.localesDir, 'en', 'demo.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  };
  const statusOf = (lang: string, key: string) => buildCatalogue(tmp.localesDir, 'en', lang).rows.find((r) => r.key === key)?.status;
  return { ...tmp, exportTo, read, editSource, statusOf };
}

/** Replaces the translation cell of `key` in an exported CSV (cells: key, source, translation, status, max length). */
function editCsv(path: string, key: string, translation: string, status?: string): void {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\r\n').map((line) => {
    if (!line.startsWith(`${key},`)) return line;
    const row = parseCsv(`key,source (en),translation (fr),status,max length\r\n${line}`, path).rows[0]!;
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    return [key, q(row.source), q(translation), q(status ?? 'done'), line.slice(line.lastIndexOf(',') + 1)].join(',');
  });
  writeFileSync(path, lines.join('\r\n'));
}

describe('i18n:import', () => {
  it('writes a filled-in missing text at its place in the source order, 2-space JSON with a final newline', () => {
    const t = setup();
    const file = t.exportTo();
    editCsv(file, 'demo:ask.why', 'Un vrai employeur vous paie,\nce n’est pas l’inverse.');
    const report = importTranslations(t.localesDir, readTranslationFile(file), file);
    expect(report.errors).toEqual([]);
    expect(report.added).toEqual(['demo:ask.why']);
    expect(report.changed).toEqual([]);
    const written = t.read('fr');
    expect(written.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(written).ask)).toEqual(['question', 'why']);
    expect(written).toContain('    "why": "Un vrai employeur vous paie,\\nce n’est pas l’inverse."\n');
    expect(t.statusOf('fr', 'demo:ask.why')).toBe('done');
  });

  it('refuses the whole file when a {{variable}} is lost or an unknown key appears, and writes nothing', () => {
    const t = setup();
    const file = t.exportTo();
    editCsv(file, 'demo:bye', 'Au revoir, {{nom}}.');
    editCsv(file, 'demo:intro.choices.yes', 'Oui !');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\r\ndemo:nope,Nope,Non,done\r\n`);
    const before = t.read('fr');
    const report = importTranslations(t.localesDir, readTranslationFile(file), file);
    expect(report.errors).toHaveLength(2);
    expect(report.errors[0]).toMatch(/thinkfirst-fr\.csv:\d+: 'demo:bye' has \{\{nom\}\} but the en text has \{\{name\}\}/);
    expect(report.errors[1]).toMatch(/unknown key 'demo:nope'/);
    expect(t.read('fr')).toBe(before);
  });

  it('stores decomposed (NFD) Vietnamese as NFC and says so', () => {
    const t = setup();
    const file = t.exportTo('xliff', 'vi');
    const nfd = 'Tạm biệt nhé, {{name}}.'.normalize('NFD');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Tạm biệt, {{name}}.', nfd));
    const report = importTranslations(t.localesDir, readTranslationFile(file), file);
    expect(report.normalised).toEqual(['demo:bye']);
    expect(report.changed).toEqual(['demo:bye']);
    const text = JSON.parse(t.read('vi')).bye as string;
    expect(text).toBe('Tạm biệt nhé, {{name}}.'.normalize('NFC'));
    expect(text.normalize('NFC')).toBe(text);
  });

  it('marks translations for review when the source text changes, until a translator confirms them', () => {
    const t = setup();
    // A translation made through the tools records what it was made from.
    const first = t.exportTo('csv', 'vi');
    editCsv(first, 'demo:bye', 'Chào tạm biệt, {{name}}.');
    importTranslations(t.localesDir, readTranslationFile(first), first);
    expect(t.statusOf('vi', 'demo:bye')).toBe('done');
    t.editSource('Goodbye, {{name}}.', 'Goodbye and take care, {{name}}.');
    expect(t.statusOf('vi', 'demo:bye')).toBe('changed');
    expect(summariseStatus(t.localesDir, 'en').find((s) => s.lang === 'vi')?.counts).toEqual({ missing: 0, changed: 1, done: 5 });
    const again = t.exportTo('csv', 'vi');
    expect(readFileSync(again, 'utf8')).toContain('changed since translated');
    // Importing it untouched keeps the mark; setting the status to done confirms it.
    importTranslations(t.localesDir, readTranslationFile(again), again);
    expect(t.statusOf('vi', 'demo:bye')).toBe('changed');
    editCsv(again, 'demo:bye', 'Chào tạm biệt, {{name}}.', 'done');
    const report = importTranslations(t.localesDir, readTranslationFile(again), again);
    expect(report.confirmed).toEqual(['demo:bye']);
    expect(t.statusOf('vi', 'demo:bye')).toBe('done');
  });

  it('i18n:status --mark-reviewed clears the review marks of one language and tracks every translation', () => {
    const t = setup();
    const file = t.exportTo('csv', 'fr');
    editCsv(file, 'demo:bye', 'À bientôt, {{name}}.');
    importTranslations(t.localesDir, readTranslationFile(file), file);
    t.editSource('Goodbye, {{name}}.', 'Bye, {{name}}.');
    expect(t.statusOf('fr', 'demo:bye')).toBe('changed');
    expect(markReviewed(t.localesDir, 'en', 'fr')).toBe(5);
    expect(t.statusOf('fr', 'demo:bye')).toBe('done');
    expect(markReviewed(t.localesDir, 'en', 'fr')).toBe(0);
    // Every translation is tracked now: a source change marks exactly the affected one.
    t.editSource('"Yes"', '"Yes, sure"');
    expect(summariseStatus(t.localesDir, 'en').find((s) => s.lang === 'fr')?.todo.map((r) => [r.key, r.status])).toEqual([
      ['demo:intro.choices.yes', 'changed'],
      ['demo:ask.why', 'missing'],
    ]);
  });

  it('a dry run reports without writing', () => {
    const t = setup();
    const file = t.exportTo();
    editCsv(file, 'demo:intro.choices.no', 'Non merci');
    const before = t.read('fr');
    const report = importTranslations(t.localesDir, readTranslationFile(file), file, true);
    expect(report.changed).toEqual(['demo:intro.choices.no']);
    expect(t.read('fr')).toBe(before);
  });
});

describe('translation file formats', () => {
  it('reads a CSV re-saved by a spreadsheet with ; separators, quoted line breaks and no BOM', () => {
    const csv = 'key;source (en);translation (fr);status\r\ndemo:ask.why;"Real employers pay you,\nnot the other way round.";"Un vrai; employeur\nvous paie";done\r\n';
    const parsed = parseCsv(csv, 'fr.csv');
    expect(parsed).toMatchObject({ sourceLang: 'en', targetLang: 'fr' });
    expect(parsed.rows).toEqual([
      { key: 'demo:ask.why', source: 'Real employers pay you,\nnot the other way round.', translation: 'Un vrai; employeur\nvous paie', status: 'done', line: 2 },
    ]);
  });

  it('reads XLIFF from a CAT tool: regional language codes, state="final", entities', () => {
    const xlf = `<?xml version="1.0"?><xliff version="1.2"><file source-language="en-US" target-language="fr-FR"><body>
<trans-unit id="demo:bye"><source>Goodbye, {{name}}.</source><target state="final">Au revoir &amp; à bientôt, {{name}} &#8212;</target></trans-unit>
</body></file></xliff>`;
    expect(parseXliff(xlf, 'fr.xlf')).toEqual({
      sourceLang: 'en',
      targetLang: 'fr',
      rows: [{ key: 'demo:bye', source: 'Goodbye, {{name}}.', translation: 'Au revoir & à bientôt, {{name}} —', status: 'done', line: 2 }],
    });
  });

  it('names the file and line of a malformed CSV', () => {
    expect(() => parseCsv('key,source (en),translation (fr),status\r\ndemo:bye,"unclosed,x,done\r\n', 'fr.csv')).toThrow(/^fr\.csv:2: a quoted cell is never closed/);
    expect(() => parseCsv('id,text\r\n', 'fr.csv')).toThrow(/fr\.csv:1: the first line must start with the column 'key'/);
  });
});
