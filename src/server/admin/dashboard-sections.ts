/**
 * What the dashboard shows, built once from a statistics report: each section has its
 * chart and the rows of numbers behind it, so the CSV download holds exactly what is on
 * the page (masked counts stay masked).
 */
import type { StatsReport } from '../../analytics/build-report';
import { COLOURS, barChart, intervalChart, lineChart, type Shown } from './svg-charts';

/** One section of the dashboard. */
export interface DashboardSection {
  id: string;
  title: string;
  /** A sentence on how to read it. */
  hint: string;
  /** Charts (inline SVG), with a heading each when there are several. */
  charts: { heading?: string; svg: string }[];
  /** The numbers shown: item, measure, value. */
  rows: [string, string, Shown | null][];
  /** Plain sentences (e.g. an experiment's verdict). */
  notes?: string[];
}

const asNumber = (v: Shown): number | null => (typeof v === 'number' ? v : null);
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Funnels of every dialog: reached → each step → completed, with where people stopped. */
function funnels(report: StatsReport): DashboardSection {
  const rows: DashboardSection['rows'] = [];
  const charts = report.dialogs.map((d) => {
    rows.push([d.dialog, 'started', d.started], [d.dialog, 'completed', d.completed]);
    for (const s of d.steps) {
      rows.push([`${d.dialog}/${s.step}`, 'reached', s.reached]);
      if (s.stopped !== undefined) rows.push([`${d.dialog}/${s.step}`, 'stopped here', s.stopped]);
    }
    const bars = [
      { label: 'started', value: d.started },
      ...d.steps.map((s) => ({ label: s.step, value: s.reached, ...(s.stopped !== undefined && s.stopped !== 0 ? { note: `(stopped ${s.stopped})`, colour: COLOURS.blue } : {}) })),
      { label: 'completed', value: d.completed, colour: COLOURS.green },
    ];
    return { heading: d.dialog, svg: barChart(`Funnel of ${d.dialog}: people who reached each step`, bars) };
  });
  return {
    id: 'funnels', title: 'Funnels per dialog', rows, charts,
    hint: 'How many people reached each step of a dialog; "stopped" counts those who saw a question and did not answer it.',
  };
}

function riskOverTime(report: StatsReport): DashboardSection {
  const days = report.daily.map((d) => d.day);
  const series = (['high', 'medium', 'low'] as const).map((level) => ({
    name: level, colour: level === 'high' ? COLOURS.red : level === 'medium' ? COLOURS.orange : COLOURS.green,
    values: report.daily.map((d) => asNumber(d.risk[level])),
  }));
  return {
    id: 'risk', title: 'Risk levels found over time', hint: 'Risk level at the end of the offer check and of the pasted-offer scanner, per day.',
    charts: [{ svg: lineChart('Risk levels found per day: high, medium, low', days, series) }],
    rows: report.daily.flatMap((d) => (['high', 'medium', 'low'] as const).map((l): [string, string, Shown] => [d.day, `risk ${l}`, d.risk[l]])),
  };
}

function quizBands(report: StatsReport): DashboardSection {
  const rows: DashboardSection['rows'] = [];
  const charts = report.quizBands.map((q) => {
    for (const [band, n] of Object.entries(q.bands)) rows.push([q.dialog, band, n]);
    return { heading: q.dialog, svg: barChart(`Quiz results of ${q.dialog}`, Object.entries(q.bands).map(([label, value]) => ({ label, value }))) };
  });
  return { id: 'quiz', title: 'Quiz score bands', hint: 'Which result people reached at the end of the quiz.', rows, charts: charts.length ? charts : [{ svg: barChart('Quiz results', []) }] };
}

function languages(report: StatsReport): DashboardSection {
  const entries = Object.entries(report.languages);
  return {
    id: 'languages', title: 'Languages', hint: 'Dialogs started, by the language of the conversation.',
    charts: [{ svg: barChart('Dialogs started per language', entries.map(([label, value]) => ({ label, value }))) }],
    rows: entries.map(([lang, n]) => [lang, 'dialogs started', n]),
  };
}

function unanswered(report: StatsReport): DashboardSection {
  const days = report.daily.map((d) => d.day);
  return {
    id: 'unanswered', title: 'Messages not understood over time',
    hint: 'Share of messages the bot did not understand (unknown or fallback), per day. Only counts are kept, never the messages.',
    charts: [{ svg: lineChart('Messages not understood, percent of messages per day', days, [{ name: 'not understood', colour: COLOURS.red, values: report.daily.map((d) => pct(d.notUnderstoodRate)) }], (n) => `${n}%`) }],
    rows: report.daily.flatMap((d): [string, string, Shown | null][] => [[d.day, 'messages', d.turns], [d.day, 'not understood', d.notUnderstood], [d.day, 'not understood %', pct(d.notUnderstoodRate)]]),
  };
}

function handoffs(report: StatsReport): DashboardSection {
  const h = report.handoffs;
  return {
    id: 'handoffs', title: 'Hand-offs to a counsellor', hint: 'Requests to talk to a person, how many a counsellor picked up, how many ended before that, and how long people waited.',
    charts: [
      { heading: 'Requests', svg: barChart('Hand-offs: requested, picked up, abandoned', [
        { label: 'requested', value: h.requested }, { label: 'outside opening hours', value: h.requestedClosed, colour: COLOURS.grey },
        { label: 'picked up', value: h.pickedUp, colour: COLOURS.green }, { label: 'abandoned', value: h.abandoned, colour: COLOURS.red },
      ]) },
      { heading: 'Waiting time before pick-up', svg: barChart('Hand-offs: waiting time before a counsellor picked up', h.waiting.map((w) => ({ label: w.band, value: w.count }))) },
    ],
    rows: [['hand-offs', 'requested', h.requested], ['hand-offs', 'outside opening hours', h.requestedClosed], ['hand-offs', 'picked up', h.pickedUp], ['hand-offs', 'abandoned', h.abandoned],
      ...h.waiting.map((w): [string, string, Shown] => ['waiting', w.band, w.count])],
  };
}

function experiments(report: StatsReport): DashboardSection {
  const rows: DashboardSection['rows'] = [];
  const notes: string[] = [];
  const charts = report.experiments.map((e) => {
    for (const v of e.variants) {
      rows.push([`${e.id}/${v.variant}`, 'saw the text', v.exposed], [`${e.id}/${v.variant}`, 'success', v.converted],
        [`${e.id}/${v.variant}`, 'rate %', pct(v.rate)], [`${e.id}/${v.variant}`, '95% interval low %', pct(v.low)], [`${e.id}/${v.variant}`, '95% interval high %', pct(v.high)]);
    }
    notes.push(`${e.id} (${e.text}; success = the user ${e.outcome}): ${e.verdict}`);
    return {
      heading: `${e.id}: success = the user ${e.outcome}`,
      svg: intervalChart(`${e.id}: success rate of each version, with its 95% interval`, e.variants.map((v) => ({ label: v.variant === 'a' ? 'a (original)' : v.variant, rate: v.rate, low: v.low, high: v.high }))),
    };
  });
  if (report.experiments[0]) notes.push(report.experiments[0].explained);
  return {
    id: 'ab', title: 'A/B experiments', hint: 'Each version of a text: the share of conversations that went on to the outcome, with its 95% interval (the black whisker).',
    charts: charts.length ? charts : [{ svg: '<p class="muted">No experiment yet: see docs/campaign-guide.md, "Try two versions of a text".</p>' }], rows, notes,
  };
}

/** Every section of the dashboard, in page order. */
export function buildDashboardSections(report: StatsReport): DashboardSection[] {
  return [funnels(report), riskOverTime(report), quizBands(report), languages(report), unanswered(report), handoffs(report), experiments(report)];
}

/** The sections as CSV (UTF-8 with BOM for spreadsheets): section, item, measure, value. */
export function formatDashboardCsv(sections: DashboardSection[], report: StatsReport): string {
  const q = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [
    ['section', 'item', 'measure', 'value'],
    ['period', `${report.from} to ${report.to}`, report.lang ? `language ${report.lang}` : 'every language', report.includesTest ? 'test conversations included' : 'test conversations left out'],
    ...sections.flatMap((s) => s.rows.map(([item, measure, value]) => [s.title, item, measure, value === null ? '' : String(value)])),
  ];
  return `\uFEFF${lines.map((l) => l.map(q).join(',')).join('\r\n')}\r\n`;
}
