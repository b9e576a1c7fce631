/**
 * `npm run scan:eval -- --data FILE [--json]`: scores the job-offer scanner on labelled ads
 * (TSV columns label, lang, text). Targets: per language, >= 90 % of scam-style ads scored
 * medium or high, <= 10 % of legitimate ads scored high.
 */
import { LANGS } from '../kernel/lang';
import { evaluateAds, toPercent, type EvalReport } from '../scanner/evaluate-ads';
import { readAdsTsv } from '../scanner/read-ads-tsv';
import { locateRulesDir } from '../scanner/validate-rules';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs, UsageError } from '../util/read-args';
import { loadScanner } from '../script/load-language';

const USAGE = 'usage: npm run scan:eval -- --data FILE [--json]   (FILE: TSV with columns label, lang, text)';

/** Human-readable report: one block per language, then the misses. */
function formatReport(report: EvalReport): string {
  const out: string[] = [];
  for (const lang of LANGS) {
    const t = report.totals[lang];
    if (t.scam + t.legit === 0) continue;
    const fired = Object.entries(t.legitFlags).sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', ');
    out.push(
      `${lang}: scam ads scored medium/high ${t.scamDetected}/${t.scam} (${toPercent(t.scamDetected, t.scam)} %)` +
        `  legit ads scored high ${t.legitHigh}/${t.legit} (${toPercent(t.legitHigh, t.legit)} %)`,
      `    flags on legit ads: ${fired || 'none'}`,
    );
  }
  report.items.forEach((item, i) => {
    const miss = (item.label === 'scam' && item.risk === 'low') || (item.label === 'legit' && item.risk === 'high');
    if (miss) out.push(`  row ${i + 1} ${item.label}/${item.lang} scored ${item.risk}: ${item.flags.map((f) => f.id).join(', ') || 'no flags'}`);
  });
  return out.join('\n');
}

/** Scores the scanner on the labelled file and prints the report. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('scan:eval', USAGE, argv, io, () => {
    const { values } = readArgs('scan:eval', { options: { data: { type: 'string' }, json: { type: 'boolean', default: false } } }, argv);
    if (!values.data) throw new UsageError('scan:eval', '--data FILE is required (e.g. --data test/scanner/ads.tsv)');
    const report = evaluateAds(loadScanner(locateRulesDir()), readAdsTsv(values.data));
    io.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
    return 0;
  });
}

runIfMain(import.meta.url, run);
