/**
 * Human-readable rendering of an evaluation report (`npm run nlu:eval` without `--json`).
 */
import type { EvalReport } from './evaluate';
import { INTENTS, LANGS } from './types';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Renders the report as plain text: summary, per-intent table, confusion matrix, errors. */
export function formatReport(report: EvalReport, showErrors: boolean): string {
  const out: string[] = [];
  out.push(`rows: ${report.total}`);
  out.push(`intent accuracy: ${pct(report.accuracy)}  (${LANGS.map((l) => `${l} ${pct(report.byLanguage[l])}`).join(', ')})`);
  out.push(`reply language right: ${pct(report.languageAccuracy)} (user language: ${report.userLangMode})`);
  out.push(`identified from the text: ${pct(report.languageConfident.share)} of rows, ${pct(report.languageConfident.accuracy)} of those right`);
  out.push('', `${'intent'.padEnd(16)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'n'.padStart(5)}`);
  for (const intent of INTENTS) {
    const m = report.intents[intent];
    out.push(`${intent.padEnd(16)} ${pct(m.precision).padStart(9)} ${pct(m.recall).padStart(7)} ${String(m.support).padStart(5)}`);
  }
  const short = INTENTS.map((i) => i.slice(0, 5));
  out.push('', 'confusion (rows: expected, columns: predicted)', `${''.padEnd(16)}${short.map((s) => s.padStart(6)).join('')}`);
  for (const expected of INTENTS) {
    const row = report.confusion[expected] ?? {};
    out.push(`${expected.padEnd(16)}${INTENTS.map((p) => String(row[p] ?? '.').padStart(6)).join('')}`);
  }
  if (showErrors) {
    out.push('', 'errors:');
    for (const it of report.items) {
      if (it.intent !== it.predictedIntent || it.lang !== it.predictedLang) {
        out.push(`  [${it.lang}->${it.predictedLang}] ${it.intent} -> ${it.predictedIntent} (${it.score.toFixed(2)}): ${it.text.slice(0, 100)}`);
      }
    }
  }
  return out.join('\n');
}
