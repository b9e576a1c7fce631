/**
 * `npm run scan -- [--file F | text] [--json]`: scans one job ad and prints its red flags
 * (id and the text that shows it) and the risk level. Without text or --file, reads stdin.
 * `--lang vi|fr|en` sets the language instead of guessing it.
 * `--json` prints exactly `{ "lang", "risk", "flags": [{ "id", "evidence" }] }`.
 */
import { readFileSync } from 'node:fs';
import { LANGS, type Lang } from '../kernel/lang';
import type { ScanResult } from '../kernel/scan-result';
import { locateRulesDir } from '../scanner/validate-rules';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { answerHelp } from '../util/read-args';
import { loadScanner } from '../script/load-language';

exitOnClosedOutput(process.stdout);

const USAGE = 'usage: npm run scan -- [--file FILE | "ad text"] [--lang vi|fr|en] [--json]';

interface Options {
  text: string;
  lang?: Lang;
  json: boolean;
}

/** Reads the command line; throws a usage error when it cannot be understood. */
function parseArgs(argv: string[]): Options {
  let file: string | undefined;
  let lang: Lang | undefined;
  let json = false;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--file') file = argv[++i];
    else if (arg === '--lang') {
      const value = argv[++i] ?? '';
      if (!(LANGS as readonly string[]).includes(value)) throw new Error(`--lang '${value}' must be one of ${LANGS.join(', ')}\n${USAGE}`);
      lang = value as Lang;
    } else if (arg.startsWith('--')) throw new Error(`unknown option '${arg}' (npm run scan -- --help shows the usage)`);
    else words.push(arg);
  }
  if (file !== undefined && words.length > 0) throw new Error(`give either --file or a text, not both\n${USAGE}`);
  const text = file !== undefined ? readFileSync(file, 'utf8') : words.length > 0 ? words.join(' ') : readFileSync(0, 'utf8');
  if (text.trim() === '') throw new Error(`nothing to scan\n${USAGE}`);
  return { text, lang, json };
}

/** Human-readable result: risk, then one line per flag with its evidence. */
function formatResult(r: ScanResult): string {
  const lines = [`risk: ${r.risk}   language: ${r.lang}   looks like an ad: ${r.looksLikeAd ? 'yes' : 'no'}`];
  if (r.flags.length === 0) lines.push('no red flags found');
  for (const f of r.flags) lines.push(`  ${f.id.padEnd(14)} "${f.evidence.replace(/\s+/g, ' ')}"  (characters ${f.start}-${f.end})`);
  lines.push('The scan is an aid, not a verdict: an ad cannot show everything.');
  return lines.join('\n');
}

try {
  answerHelp(process.argv.slice(2), USAGE);
  const opts = parseArgs(process.argv.slice(2));
  const result = loadScanner(locateRulesDir()).scan(opts.text, opts.lang);
  const json = { lang: result.lang, risk: result.risk, flags: result.flags.map((f) => ({ id: f.id, evidence: f.evidence })) };
  console.log(opts.json ? JSON.stringify(json, null, 2) : formatResult(result));
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 2;
}
