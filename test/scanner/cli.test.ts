/** `npm run scan` and `npm run scan:eval`, in process through their `run(argv, io)`. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCommand, runCommandInProcess } from '../helpers/run-command';
import { ROOT } from './helpers';

/** Runs a CLI of src/cli with arguments (and optional stdin); resolves with stdout, stderr and the exit code. */
async function cli(name: string, args: string[], stdin = ''): Promise<{ stdout: string; stderr: string; code: number }> {
  return runCommandInProcess(await loadCommand(name.replace(/\.ts$/, '')), args, { stdin });
}

describe('npm run scan / scan:eval', () => {
  const temp = mkdtempSync(join(tmpdir(), 'scan-cli-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('scan --json prints exactly lang, risk and flags with id and evidence', async () => {
    const { stdout, code } = await cli('scan.ts', ['--json', 'Tuyển gấp CSKH tại Campuchia, lương 1500$, bao vé máy bay, ib Zalo']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['lang', 'risk', 'flags']);
    expect(out.lang).toBe('vi');
    expect(out.risk).toBe('high');
    expect(out.flags).toContainEqual({ id: 'travel_paid', evidence: 'bao vé máy bay' });
    for (const f of out.flags as object[]) expect(Object.keys(f)).toEqual(['id', 'evidence']);
  });

  it('scan --file reads the ad from a file and prints flags and risk', async () => {
    const file = join(temp, 'ad.txt');
    writeFileSync(file, 'Recrutement urgent au Cambodge.\nBillet d\'avion payé, visa touristique.\nContact Telegram @recrut_asia');
    const { stdout, code } = await cli('scan.ts', ['--file', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^risk: high {3}language: fr/);
    expect(stdout).toContain('tourist_visa   "visa touristique"');
    expect(stdout).toContain('chat_contact   "Telegram"');
  });

  it('scan reads the ad from standard input, and refuses a language it does not know in one line', async () => {
    const piped = await cli('scan.ts', ['--json'], 'Tuyển gấp CSKH tại Campuchia, lương 1500$, bao vé máy bay, ib Zalo\n');
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ lang: 'vi', risk: 'high' });
    const wrong = await cli('scan.ts', ['--lang', 'de', 'some ad']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toBe("scan: --lang must be one of vi, fr, en (got 'de') (npm run scan -- --help shows the usage)");
    const empty = await cli('scan.ts', [], '   \n');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('nothing to scan');
  });

  it('scan:eval --json lists every row in input order with the totals', async () => {
    const file = join(temp, 'ads.tsv');
    writeFileSync(
      file,
      'label\tlang\ttext\n' +
        'scam\ten\tUrgent! Data entry in Cambodia, $2000/month, free flight, DM me on Telegram\n' +
        'legit\tfr\tLa Boulangerie Martin recrute un vendeur en CDI, 1 850 € brut par mois.\\nCV à rh@boulangerie-martin.fr\n' +
        'scam\tvi\tviec nhe luong cao, khong can kinh nghiem, ib zalo\n',
    );
    const { stdout, code } = await cli('scan-eval.ts', ['--data', file, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { items: Array<Record<string, unknown>>; totals: Record<string, Record<string, number>> };
    expect(out.items.map((i) => [i.label, i.lang])).toEqual([['scam', 'en'], ['legit', 'fr'], ['scam', 'vi']]);
    expect(Object.keys(out.items[0] ?? {})).toEqual(['label', 'lang', 'risk', 'flags']);
    expect(out.items.map((i) => i.risk)).toEqual(['high', 'low', 'medium']);
    expect(out.totals.en).toMatchObject({ scam: 1, scamDetected: 1, legit: 0, legitHigh: 0 });
    expect(out.totals.fr).toMatchObject({ scam: 0, legit: 1, legitHigh: 0 });
  });

  it('scan:eval prints the per-language counts of the real data', async () => {
    const { stdout, code } = await cli('scan-eval.ts', ['--data', join(ROOT, 'test', 'scanner', 'ads.tsv')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^vi: scam ads scored medium\/high \d+\/\d+ \([\d.]+ %\) {2}legit ads scored high \d+\/\d+/m);
    expect(stdout).toMatch(/^fr: /m);
    expect(stdout).toMatch(/^en: /m);
  });

  it('scan:eval explains a bad file or a missing --data', async () => {
    const bad = join(temp, 'bad.tsv');
    writeFileSync(bad, 'label\tlang\ttext\nspam\ten\thello\n');
    const a = await cli('scan-eval.ts', ['--data', bad]);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain("bad.tsv:2: label 'spam' must be scam or legit");
    const b = await cli('scan-eval.ts', []);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--data FILE is required');
  });
});
