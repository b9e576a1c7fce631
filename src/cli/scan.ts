/**
 * `npm run scan -- [--file F | text] [--json]`: scans one job ad and prints its red flags
 * (id and the text that shows it) and the risk level. Without text or --file, reads stdin.
 * `--lang vi|fr|en` sets the language instead of guessing it.
 * `--json` prints exactly `{ "lang", "risk", "flags": [{ "id", "evidence" }] }`.
 */
import { readFileSync } from 'node:fs';
import { LANGS } from '../kernel/lang';
import type { ScanResult } from '../kernel/scan-result';
import { locateRulesDir } from '../scanner/validate-rules';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readAll } from '../util/read-all';
import { readArgs, readChoice, UsageError } from '../util/read-args';
import { loadScanner } from '../script/load-language';

const USAGE = 'usage: npm run scan -- [--file FILE | "ad text"] [--lang vi|fr|en] [--json]\nScans one job ad (the text, a file, or standard input) and prints its red flags and risk level.';

/** Human-readable result: risk, then one line per flag with its evidence. */
function formatResult(r: ScanResult): string {
  const lines = [`risk: ${r.risk}   language: ${r.lang}   looks like an ad: ${r.looksLikeAd ? 'yes' : 'no'}`];
  if (r.flags.length === 0) lines.push('no red flags found');
  for (const f of r.flags) lines.push(`  ${f.id.padEnd(14)} "${f.evidence.replace(/\s+/g, ' ')}"  (characters ${f.start}-${f.end})`);
  lines.push('The scan is an aid, not a verdict: an ad cannot show everything.');
  return lines.join('\n');
}

/** Scans the ad and prints the result. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('scan', USAGE, argv, io, async () => {
    const { values, positionals } = readArgs('scan', {
      allowPositionals: true,
      options: { file: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean', default: false } },
    }, argv);
    const lang = values.lang === undefined ? undefined : readChoice('scan', '--lang', values.lang, LANGS);
    if (values.file !== undefined && positionals.length > 0) throw new UsageError('scan', 'give either --file or a text, not both');
    const text = values.file !== undefined ? readFileSync(values.file, 'utf8') : positionals.length > 0 ? positionals.join(' ') : await readAll(io.stdin);
    if (text.trim() === '') throw new UsageError('scan', 'nothing to scan: give the ad as text, --file FILE, or on standard input');
    const result = loadScanner(locateRulesDir()).scan(text, lang);
    const json = { lang: result.lang, risk: result.risk, flags: result.flags.map((f) => ({ id: f.id, evidence: f.evidence })) };
    io.stdout.write(`${values.json ? JSON.stringify(json, null, 2) : formatResult(result)}\n`);
    return 0;
  });
}

runIfMain(import.meta.url, run);
