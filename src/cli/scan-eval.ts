/**
 * `npm run scan:eval -- --data FILE [--json]`: scores the job-offer scanner on labelled ads
 * (TSV columns label, lang, text). Targets: per language, >= 90 % of scam-style ads scored
 * medium or high, <= 10 % of legitimate ads scored high.
 */
import { LANGS } from '../kernel/lang';
import { evaluateAds, toPercent, type EvalReport } from '../scanner/evaluate-ads';
import { readAdsTsv } from '../scanner/read-ads-tsv';
import { locateRulesDir } from '../scanner/validate-rules';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { answerHelp, refuseArgs } from '../util/read-args';
import { loadScanner } from '../script/load-language';

exitOnClosedOutput(process.stdout);

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

/** Entry point. */
function main(argv: string[]): number {
  answerHelp(argv, USAGE);
  const unknown = argv.find((arg) => arg.startsWith('-') && arg !== '--data' && arg !== '--json');
  if (unknown) refuseArgs('scan:eval', `unknown option '${unknown}'`);
  const dataAt = argv.indexOf('--data');
  const file = dataAt >= 0 ? argv[dataAt + 1] : undefined;
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const scanner = loadScanner(locateRulesDir());
  const report = evaluateAds(scanner, readAdsTsv(file));
  console.log(argv.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
