/**
 * Reading evaluation files as people produce them (hand-written, spreadsheet exports), and the
 * `npm run nlu:eval -- --json` output that reviewers parse.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/nlu-eval';
import { readLabelledRows } from '../../src/nlu/read-labelled-rows';
import { runCommandInProcess } from '../helpers/run-command';

const dir = mkdtempSync(join(tmpdir(), 'nlu-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `content` to a temporary file and returns its path. */
function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readLabelledRows', () => {
  it('reads a header, CRLF endings, a byte-order mark, quoted text and text containing tabs', () => {
    const file = write('crlf.tsv', '\uFEFFlang\tintent\ttext\r\nen\tthanks\t"thanks, ""mate"""\r\n\r\nvi\tgreet\tchao\tban\r\n');
    expect(readLabelledRows(file)).toEqual([
      { lang: 'en', intent: 'thanks', text: 'thanks, "mate"', line: 2 },
      { lang: 'vi', intent: 'greet', text: 'chao\tban', line: 4 },
    ]);
  });

  it('reads a file without a header line', () => {
    expect(readLabelledRows(write('plain.tsv', 'fr\tgoodbye\tau revoir\n')).map((r) => r.intent)).toEqual(['goodbye']);
  });

  it.each([
    ['en greet hello', /bad\.tsv:3: expected 3 tab-separated columns .* found 1/],
    ['de\tgreet\thallo', /bad\.tsv:3: unknown language 'de'/],
    ['en\tgreeting\thello', /bad\.tsv:3: unknown intent 'greeting'/],
    ['en\tgreet\t  ', /bad\.tsv:3: empty text/],
  ])('names file:line for the malformed row "%s"', (row, message) => {
    expect(() => readLabelledRows(write('bad.tsv', `lang\tintent\ttext\nen\tthanks\tthank you\n${row}\n`))).toThrow(message);
  });
});

describe('npm run nlu:eval -- --json', () => {
  const evalCli = (argv: string[]) => runCommandInProcess(run, argv);

  it('prints exactly one JSON object with the metrics and every item in input order', async () => {
    const file = write('eval.tsv', 'lang\tintent\ttext\r\nen\tthanks\tthank you so much\r\nfr\tdanger\t"on m\'a pris mon passeport"\r\nvi\tgreet\txin chào\tbạn\r\n');
    const result = await evalCli(['--data', file, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['accuracy', 'byLanguage', 'languageAccuracy', 'intents', 'total', 'items']));
    expect(Object.keys(report.byLanguage).sort()).toEqual(['en', 'fr', 'vi']);
    expect(report.intents.danger).toMatchObject({ precision: expect.any(Number), recall: expect.any(Number) });
    expect(report.total).toBe(3);
    expect(report.items.map((it: { text: string }) => it.text)).toEqual(['thank you so much', "on m'a pris mon passeport", 'xin chào\tbạn']);
    expect(report.items[1]).toMatchObject({ lang: 'fr', intent: 'danger', predictedLang: 'fr', predictedIntent: 'danger', score: expect.any(Number) });
  });

  it('counts the safety question as danger, and the text report lists missed and false danger', async () => {
    const file = write('safety.tsv', 'lang\tintent\ttext\nen\tdanger\thlep\nen\tthanks\tthank you so much\nen\tdanger\tthank you\n');
    const report = JSON.parse((await evalCli(['--data', file, '--json'])).stdout);
    expect(report.items[0]).toMatchObject({ text: 'hlep', predictedIntent: 'danger', safetyQuestion: true });
    const text = (await evalCli(['--data', file])).stdout;
    expect(text).toMatch(/^danger +\d+\.\d% +\d+\.\d% +2$/m);
    expect(text).toContain('danger recall: 1/2 (50.0%; 1 by the safety question)');
    expect(text).toContain('false danger: 0/1 other messages');
    expect(text).toContain('danger missed:\n  [en] -> thanks: thank you');
  });

  it('reports a malformed row as file:line on stderr, with a failing exit code and nothing on stdout', async () => {
    const result = await evalCli(['--data', write('broken.tsv', 'lang\tintent\ttext\nen greet hello\n')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('broken.tsv:2: expected 3 tab-separated columns');
  });
});
