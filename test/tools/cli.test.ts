/** The campaign managers' commands, in process through their `run(argv, io)`: real files, output and exit codes. */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addToDay } from '../../src/analytics/day-store';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { loadCommand, runCommandInProcess } from '../helpers/run-command';
import { copyLocales } from './temp-locales';

const tmp = mkdtempSync(join(tmpdir(), 'thinkfirst-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(script: string, args: string[]) {
  const result = await runCommandInProcess(await loadCommand(script.replace(/\.ts$/, '')), args);
  return { code: result.code, out: result.stdout, err: result.stderr };
}

describe('npm run i18n:export / i18n:import / i18n:status', () => {
  const locales = copyLocales();
  afterAll(locales.cleanup);
  const root = ['--root', locales.root];

  it('exports one file per language and says what is to do', async () => {
    const r = await run('i18n-export.ts', ['--format', 'csv', '--out', join(locales.root, 'out'), ...root]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/thinkfirst-fr\.csv: 5 done, 1 missing, 0 changed since translated/);
    expect(r.out).toMatch(/thinkfirst-vi\.csv: 6 done, 0 missing/);
  });

  it('imports an edited file, then refuses a broken one with file:line and exit code 1', async () => {
    const file = join(locales.root, 'out', 'thinkfirst-fr.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Au revoir, {{name}}.', 'À bientôt, {{name}} !'));
    const ok = await run('i18n-import.ts', [file, ...root]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Changed (1):\n  demo:bye');
    expect(ok.out).toContain('fr: 0 added, 1 changed, 0 confirmed, 4 unchanged.');
    writeFileSync(file, readFileSync(file, 'utf8').replace('À bientôt, {{name}} !', 'À bientôt !'));
    const bad = await run('i18n-import.ts', [file, ...root]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/thinkfirst-fr\.csv:\d+: 'demo:bye' has none but the en text has \{\{name\}\}/);
    expect(bad.err).toContain('Nothing was imported');
  });

  it('prints the completeness of each language', async () => {
    const r = await run('i18n-status.ts', [...root, '--list']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/fr\s+5\s+1\s+0\s+83%/);
    expect(r.out).toMatch(/vi\s+6\s+0\s+0\s+100%/);
    expect(r.out).toContain('missing       demo:ask.why');
  });
});

describe('npm run graph', () => {
  it('writes the diagrams of the project, and explains when the dialogs have errors', async () => {
    const out = join(tmp, 'flows');
    const r = await run('graph.ts', ['--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Wrote \d+ diagrams and README\.md/);
    expect(existsSync(join(out, 'menu.mmd'))).toBe(true);
    const broken = mkdtempSync(join(tmp, 'broken-'));
    const failed = await run('graph.ts', ['--root', broken, '--out', join(broken, 'flows')]);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('fix them, then run npm run graph again');
  });
});

describe('npm run stats', () => {
  it('prints funnels and splits from a SQLite store, and refuses a bad date', async () => {
    const file = join(tmp, 'stats.db');
    const store = createSqliteStore(file);
    await addToDay(store, '2031-01-10', new Map([['started|check-offer', 9], ['step|check-offer|intro', 9], ['risk|check-offer|high', 6], ['started_lang|vi', 9]]));
    await store.close();
    const r = await run('stats.ts', ['--store', `sqlite:${file}`, '--from', '2031-01-01', '--to', '2031-01-31']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ThinkFirst statistics, 2031-01-01 to 2031-01-31 (UTC days; 1 with data; every language; test conversations left out (--include-test to count them)).');
    expect(r.out).toContain('Dialogs started per language: vi 9');
    expect(r.out).toMatch(/check-offer\s+high 6 {3}medium <5 {3}low <5/);
    expect(r.out).toMatch(/Funnel of check-offer: started 9, completed <5/);
    const json = await run('stats.ts', ['--store', `sqlite:${file}`, '--from', '2031-01-01', '--to', '2031-01-31', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ languages: { vi: 9 } });
    const bad = await run('stats.ts', ['--store', `sqlite:${file}`, '--from', '2031-13-01']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("stats: from '2031-13-01' is not a date: write it as YYYY-MM-DD");
  });
});
