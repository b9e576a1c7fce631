/**
 * The dashboard page for campaign managers: a filter form (period, language, test
 * conversations), then one card per section with its chart and how to read it. Plain
 * HTML and inline SVG: no script, works on a phone.
 */
import type { StatsReport } from '../../analytics/build-report';
import { REPORT_LANGS } from '../../analytics/load-report';
import { staffPageHead } from '../../staff/sign-in-page';
import type { DashboardSection } from './dashboard-sections';
import { escapeHtml } from '../../kernel/escape-html';

/** The filters as given in the query string. */
export interface DashboardQuery {
  from: string;
  to: string;
  lang?: string;
  includeTest: boolean;
}

/** Query string of `q` (for the CSV link). */
export function toQueryString(q: DashboardQuery): string {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.lang) params.set('lang', q.lang);
  if (q.includeTest) params.set('test', '1');
  return params.toString();
}

const LANG_NAMES: Record<string, string> = { vi: 'Vietnamese', fr: 'French', en: 'English', other: 'other' };

function filterForm(q: DashboardQuery): string {
  const options = [`<option value="">every language</option>`, ...REPORT_LANGS.map((l) => `<option value="${l}"${q.lang === l ? ' selected' : ''}>${LANG_NAMES[l]}</option>`)];
  return `<form class="card filters" method="get" action="/admin">
  <div><label for="from">From</label><input id="from" name="from" type="date" value="${escapeHtml(q.from)}" required></div>
  <div><label for="to">To</label><input id="to" name="to" type="date" value="${escapeHtml(q.to)}" required></div>
  <div><label for="lang">Language</label><select id="lang" name="lang">${options.join('')}</select></div>
  <div class="check"><input id="test" name="test" type="checkbox" value="1"${q.includeTest ? ' checked' : ''}><label for="test">include test conversations</label></div>
  <div><button type="submit">Show</button> <a class="button secondary" href="/admin/dashboard.csv?${escapeHtml(toQueryString(q))}" download>Download CSV</a></div>
</form>`;
}

function sectionCard(s: DashboardSection): string {
  const charts = s.charts.map((c) => `${c.heading ? `<h3>${escapeHtml(c.heading)}</h3>` : ''}<div class="chart-box">${c.svg}</div>`).join('\n');
  const notes = (s.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n');
  return `<section class="card" id="${s.id}" aria-labelledby="${s.id}-title"><h2 id="${s.id}-title">${escapeHtml(s.title)}</h2><p class="muted">${escapeHtml(s.hint)}</p>
${charts}
${notes}</section>`;
}

/** The whole page. */
export function renderDashboardPage(report: StatsReport, sections: DashboardSection[], q: DashboardQuery): string {
  const nav = sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`).join(' · ');
  return `${staffPageHead('ThinkFirst dashboard').replace('</head>', '<link rel="stylesheet" href="/admin/assets/dashboard.css">\n</head>')}
<body>
<main>
<div class="top"><h1>ThinkFirst dashboard</h1><a href="/preview">Try the bot (preview)</a></div>
<p>${escapeHtml(report.from)} to ${escapeHtml(report.to)} (UTC), ${report.daysWithData} day(s) with data, ${report.lang ? escapeHtml(LANG_NAMES[report.lang] ?? report.lang) : 'every language'}, ${report.includesTest ? 'test conversations included' : 'test conversations left out'}.
Counts under ${report.minCount} are shown as &lt;${report.minCount} and drawn as no bar, so that nobody can be singled out.</p>
${filterForm(q)}
<nav class="card">${nav}</nav>
${sections.map(sectionCard).join('\n')}
</main>
</body>
</html>
`;
}

/** Styles of the dashboard (served as a file: the page allows no inline style or script). */
export const DASHBOARD_CSS = `.filters { display: grid; gap: .5rem; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); align-items: end; }
.filters label { margin-top: 0; }
.filters select { width: 100%; font: inherit; padding: .55rem; border: 1px solid var(--line); border-radius: .3rem; background: #fff; }
.filters .check { display: flex; gap: .5rem; align-items: center; }
.filters .check input { width: auto; }
a.button { display: inline-block; padding: .55rem 1rem; margin-top: .75rem; border-radius: .3rem; text-decoration: none; }
a.button.secondary { background: #e4e7ec; color: var(--fg); }
nav.card a { white-space: nowrap; }
.chart-box { overflow-x: auto; }
.chart { max-width: 100%; height: auto; display: block; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.note { background: #e8f0fe; padding: .5rem .75rem; border-radius: .3rem; }
`;
