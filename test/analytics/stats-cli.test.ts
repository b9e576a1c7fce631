/** `npm run stats` as a campaign manager runs it: a wrong --store path is named, never created. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../chat/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run stats -- --store', () => {
  it('says that a SQLite file does not exist and creates nothing', async () => {
    const missing = join(dir, 'no-such-folder', 'thinkfirst.db');
    const run = await runCli('stats.ts', ['--store', `sqlite:${missing}`], []);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no statistics database at ${missing}`);
    expect(run.stderr).toContain('nothing was created');
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  }, 60_000);
});

describe('npm run stats: test conversations, languages, A/B results', () => {
  it('leaves test conversations out unless asked, filters by language, and calls no winner on too little data', async () => {
    const { addToDay } = await import('../../src/analytics/day-store');
    const { createSqliteStore } = await import('../../src/storage/sqlite-store');
    const file = join(dir, 'ab.db');
    const store = createSqliteStore(file);
    const day = '2031-02-03';
    const real = new Map([['started|quiz', 40], ['started_lang|vi', 40], ['ab_exposed|menu-check-first|a', 30], ['ab_exposed|menu-check-first|b', 31], ['ab_converted|menu-check-first|a', 6], ['ab_converted|menu-check-first|b', 12]]);
    await addToDay(store, day, real);
    await addToDay(store, day, new Map([['started|quiz', 40], ['started_lang|vi', 40]]), { scope: { lang: 'vi' } });
    await addToDay(store, day, new Map([['started|quiz', 7], ['started_lang|en', 7]]), { scope: { test: true } });
    await store.close();
    const base = ['--store', `sqlite:${file}`, '--from', day, '--to', day];
    const plain = await runCli('stats.ts', base, []);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Dialogs started per language: vi 40\n');
    expect(plain.stdout).toMatch(/menu-check-first: text \(no longer in dialogs\/_experiments\.yaml\)|menu-check-first: text menu:intro\.text/);
    expect(plain.stdout).toMatch(/ {4}a +30 +6 +20\.0% +\d+\.\d% to \d+\.\d%/);
    expect(plain.stdout).toMatch(/ {4}b +31 +12 +38\.7% +\d+\.\d% to \d+\.\d%/);
    expect(plain.stdout).toContain('Not enough data yet: each variant needs at least 100 conversations');
    expect(plain.stdout).toContain('two-proportion z-test');
    const withTest = await runCli('stats.ts', [...base, '--include-test'], []);
    expect(withTest.stdout).toContain('Dialogs started per language: en 7   vi 40\n');
    const french = await runCli('stats.ts', [...base, '--lang', 'fr', '--json'], []);
    expect(JSON.parse(french.stdout)).toMatchObject({ lang: 'fr', languages: {}, daysWithData: 0 });
    const vi = await runCli('stats.ts', [...base, '--lang', 'vi', '--json'], []);
    expect(JSON.parse(vi.stdout)).toMatchObject({ lang: 'vi', languages: { vi: 40 }, daysWithData: 1 });
  }, 90_000);
});
