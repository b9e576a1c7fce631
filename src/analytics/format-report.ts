/** Formats a stats report as plain text for `npm run stats`. */
import type { Shown, StatsReport } from './build-report';

function cell(value: Shown | undefined, width: number): string {
  return String(value ?? '-').padStart(width);
}

function listValues(values: Record<string, Shown>): string {
  const entries = Object.entries(values);
  return entries.length ? entries.map(([k, v]) => `${k} ${v}`).join('   ') : '(none)';
}

/** Plain-text report: languages, risk levels, quiz results, funnels, drop-outs, not understood. */
export function formatReport(report: StatsReport): string {
  const out: string[] = [
    `ThinkFirst statistics, ${report.from} to ${report.to} (UTC days; ${report.daysWithData} with data).`,
    `Counts under ${report.minCount} are shown as <${report.minCount}, so that nobody can be singled out.`,
    '',
    `Dialogs started per language: ${listValues(report.languages)}`,
    '',
    'Offer check, risk levels:',
    ...(report.risk.length ? report.risk.map((r) => `  ${r.dialog.padEnd(16)}${listValues(r.levels)}`) : ['  (none)']),
    '',
    'Quiz results (result reached):',
    ...(report.quizBands.length ? report.quizBands.map((q) => `  ${q.dialog.padEnd(16)}${listValues(q.bands)}`) : ['  (none)']),
  ];
  for (const d of report.dialogs) {
    out.push('', `Funnel of ${d.dialog}: started ${d.started}, completed ${d.completed}`);
    out.push(`  ${'step'.padEnd(24)}${'reached'.padStart(9)}${'answered'.padStart(10)}${'stopped'.padStart(9)}${'not understood'.padStart(16)}`);
    for (const s of d.steps) {
      out.push(`  ${s.step.padEnd(24)}${cell(s.reached, 9)}${cell(s.answered, 10)}${cell(s.stopped, 9)}${cell(s.notUnderstood, 16)}`);
    }
  }
  out.push('', 'Where people stop most (reached a question but did not answer):');
  out.push(...(report.dropOuts.length ? report.dropOuts.map((d) => `  ${`${d.dialog}/${d.step}`.padEnd(32)}${d.stopped}`) : ['  (none)']));
  out.push('', 'Messages not understood, by place (counts only, never the text):');
  out.push(...(report.fallbacks.length ? report.fallbacks.map((f) => `  ${f.where.padEnd(32)}${f.count}`) : ['  (none)']));
  return `${out.join('\n')}\n`;
}
