/**
 * Human-readable rendering of an evaluation report (`npm run nlu:eval` without `--json`).
 */
import type { EvalReport } from './evaluate';
import { INTENTS } from '../kernel/intent';
import { LANGS } from '../kernel/lang';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Renders the report as plain text: summary, per-intent table, confusion matrix, danger confusion, errors. */
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
  out.push('', ...formatDangerConfusion(report));
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

/**
 * Danger at a glance: recall (the safety question counts), false alarms on other messages
 * (and how many were the safety question), and every missed or false danger message listed.
 */
export function formatDangerConfusion(report: EvalReport): string[] {
  const danger = report.items.filter((it) => it.intent === 'danger');
  const others = report.items.filter((it) => it.intent !== 'danger');
  const missed = danger.filter((it) => it.predictedIntent !== 'danger');
  const alarms = others.filter((it) => it.predictedIntent === 'danger');
  const asked = (items: typeof report.items): number => items.filter((it) => it.safetyQuestion).length;
  const out = [
    `danger recall: ${danger.length - missed.length}/${danger.length} (${pct(danger.length === 0 ? 1 : (danger.length - missed.length) / danger.length)}; ${asked(danger)} by the safety question)`,
    `false danger: ${alarms.length}/${others.length} other messages (${pct(others.length === 0 ? 0 : alarms.length / others.length)}; ${asked(alarms)} by the safety question)`,
  ];
  if (missed.length > 0) out.push('danger missed:', ...missed.map((it) => `  [${it.lang}] -> ${it.predictedIntent}: ${it.text.slice(0, 100)}`));
  if (alarms.length > 0) out.push('false danger:', ...alarms.map((it) => `  [${it.lang}] ${it.intent}${it.safetyQuestion ? ' (safety question)' : ''}: ${it.text.slice(0, 100)}`));
  return out;
}
