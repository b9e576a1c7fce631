/** Formats a stats report as plain text for `npm run stats`. */
import type { Shown, StatsReport } from './build-report';

function cell(value: Shown | undefined, width: number): string {
  return String(value ?? '-').padStart(width);
}

function listValues(values: Record<string, Shown>): string {
  const entries = Object.entries(values);
  return entries.length ? entries.map(([k, v]) => `${k} ${v}`).join('   ') : '(none)';
}

const pct = (rate: number | null) => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);

/** The A/B section: per experiment, each variant's rate with its interval, and the verdict. */
export function formatExperiments(report: StatsReport): string[] {
  if (report.experiments.length === 0) return ['  (none: see docs/campaign-guide.md, "Try two versions of a text")'];
  const out: string[] = [];
  for (const e of report.experiments) {
    out.push(`  ${e.id}: text ${e.text}; success = the user ${e.outcome}; at least ${e.minSample} conversations per variant`);
    out.push(`    ${'variant'.padEnd(10)}${'saw it'.padStart(8)}${'success'.padStart(9)}${'rate'.padStart(8)}   95% interval`);
    for (const v of e.variants) {
      const interval = v.low === null || v.high === null ? '-' : `${pct(v.low)} to ${pct(v.high)}`;
      out.push(`    ${v.variant.padEnd(10)}${cell(v.exposed, 8)}${cell(v.converted, 9)}${pct(v.rate).padStart(8)}   ${interval}`);
    }
    out.push(`    ${e.verdict}`);
  }
  out.push(`  ${report.experiments[0]!.explained}`);
  return out;
}

/** Plain-text report: languages, risk levels, quiz results, funnels, drop-outs, not understood, hand-offs, A/B. */
export function formatReport(report: StatsReport): string {
  const scope = [report.lang ? `language ${report.lang} only` : 'every language', report.includesTest ? 'test conversations included' : 'test conversations left out (--include-test to count them)'];
  const out: string[] = [
    `ThinkFirst statistics, ${report.from} to ${report.to} (UTC days; ${report.daysWithData} with data; ${scope.join('; ')}).`,
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
  const h = report.handoffs;
  out.push('', `Hand-offs to a counsellor: requested ${h.requested} (${h.requestedClosed} outside opening hours), picked up ${h.pickedUp}, abandoned ${h.abandoned}`);
  out.push(`  waiting before pick-up: ${h.waiting.map((w) => `${w.band} ${w.count}`).join('   ')}`);
  out.push('', 'A/B experiments:', ...formatExperiments(report));
  return `${out.join('\n')}\n`;
}
