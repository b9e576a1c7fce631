/**
 * Charts drawn on the server as inline SVG: no script, no CDN, readable on a phone (they
 * scale to the screen's width). A masked count (`"<5"`) is drawn as no bar and labelled
 * as such, so small numbers are never shown in a chart either.
 */
import { escapeHtml } from '../../kernel/escape-html';

/** A count or a masked count (`"<5"`). */
export type Shown = number | string;

const WIDTH = 640;
const FONT = 'font-family="system-ui, sans-serif" font-size="15"';
/** Colours readable on white and by most colour-blind readers, with shapes or labels besides. */
export const COLOURS = { blue: '#0b57d0', red: '#b3261e', orange: '#b06000', green: '#137333', grey: '#5f6368' } as const;

function svgOpen(height: number, label: string, kind: string): string {
  return `<svg class="chart" data-chart="${kind}" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" ${FONT}><title>${escapeHtml(label)}</title>`;
}

/** One bar of {@link barChart}. */
export interface Bar {
  label: string;
  value: Shown;
  colour?: string;
  /** Text after the value, e.g. `(stopped 12)`. */
  note?: string;
}

/** Horizontal bars with their values written out; masked values get no bar. */
export function barChart(title: string, bars: Bar[]): string {
  if (bars.length === 0) return `<p class="muted">${escapeHtml(title)}: no data for this period.</p>`;
  const row = 34;
  const labelWidth = 230;
  const barSpace = WIDTH - labelWidth - 150;
  const max = Math.max(1, ...bars.map((b) => (typeof b.value === 'number' ? b.value : 0)));
  const rows = bars.map((b, i) => {
    const y = i * row + 6;
    const n = typeof b.value === 'number' ? b.value : 0;
    const w = Math.round((n / max) * barSpace);
    const shown = typeof b.value === 'number' ? String(b.value) : `${b.value} (hidden)`;
    return `<text x="0" y="${y + 19}">${escapeHtml(b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label)}</text>` +
      (w > 0 ? `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="20" rx="3" fill="${b.colour ?? COLOURS.blue}"/>` : '') +
      `<text x="${labelWidth + w + 6}" y="${y + 19}">${escapeHtml(shown)}${b.note ? ` ${escapeHtml(b.note)}` : ''}</text>`;
  });
  return `${svgOpen(bars.length * row + 10, title, 'bars')}${rows.join('')}</svg>`;
}

/** One line of {@link lineChart}; `null` is a gap (no data or masked). */
export interface Series {
  name: string;
  values: (number | null)[];
  colour: string;
}

/** Lines over days, with the first, middle and last day under the axis. */
export function lineChart(title: string, days: string[], series: Series[], format: (n: number) => string = String): string {
  const height = 260;
  const left = 56;
  const top = 34;
  const bottom = height - 34;
  const right = WIDTH - 12;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(...values, 0) || 1;
  const x = (i: number) => left + (days.length <= 1 ? 0 : (i / (days.length - 1)) * (right - left));
  const y = (v: number) => bottom - (v / max) * (bottom - top);
  const parts: string[] = [
    `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="${COLOURS.grey}"/>`,
    `<text x="0" y="${top + 5}">${escapeHtml(format(max))}</text><text x="0" y="${bottom}">${escapeHtml(format(0))}</text>`,
  ];
  const ticks = [...new Set([0, Math.floor((days.length - 1) / 2), days.length - 1])].filter((i) => i >= 0 && days[i]);
  for (const i of ticks) parts.push(`<text x="${x(i)}" y="${height - 10}" text-anchor="${i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle'}">${escapeHtml(days[i]!.slice(5))}</text>`);
  series.forEach((s, k) => {
    parts.push(`<rect x="${left + k * 150}" y="4" width="14" height="14" fill="${s.colour}"/><text x="${left + 20 + k * 150}" y="16">${escapeHtml(s.name)}</text>`);
    let path = '';
    s.values.forEach((v, i) => {
      if (v === null) return;
      path += `${path && s.values[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
      parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${s.colour}"/>`);
    });
    if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="${s.colour}" stroke-width="2.5"/>`);
  });
  if (values.length === 0) parts.push(`<text x="${left + 10}" y="${(top + bottom) / 2}" fill="${COLOURS.grey}">no data shown for this period</text>`);
  return `${svgOpen(height, title, 'lines')}${parts.join('')}</svg>`;
}

/** One variant of {@link intervalChart}. */
export interface IntervalRow {
  label: string;
  rate: number | null;
  low: number | null;
  high: number | null;
}

/** Rates (0..1) as bars with their confidence interval as a whisker. */
export function intervalChart(title: string, rows: IntervalRow[]): string {
  const row = 40;
  const labelWidth = 150;
  const span = WIDTH - labelWidth - 90;
  const max = Math.min(1, Math.max(0.1, ...rows.map((r) => r.high ?? 0)) * 1.1);
  const px = (v: number) => labelWidth + (v / max) * span;
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const parts = rows.map((r, i) => {
    const y = i * row + 8;
    if (r.rate === null || r.low === null || r.high === null) {
      return `<text x="0" y="${y + 20}">${escapeHtml(r.label)}</text><text x="${labelWidth}" y="${y + 20}" fill="${COLOURS.grey}">too few to show</text>`;
    }
    return `<text x="0" y="${y + 20}">${escapeHtml(r.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 6}" width="${(px(r.rate) - labelWidth).toFixed(1)}" height="18" rx="3" fill="${i === 0 ? COLOURS.grey : COLOURS.blue}"/>` +
      `<line x1="${px(r.low).toFixed(1)}" y1="${y + 15}" x2="${px(r.high).toFixed(1)}" y2="${y + 15}" stroke="#1a1a1a" stroke-width="2"/>` +
      `<line x1="${px(r.low).toFixed(1)}" y1="${y + 8}" x2="${px(r.low).toFixed(1)}" y2="${y + 22}" stroke="#1a1a1a" stroke-width="2"/>` +
      `<line x1="${px(r.high).toFixed(1)}" y1="${y + 8}" x2="${px(r.high).toFixed(1)}" y2="${y + 22}" stroke="#1a1a1a" stroke-width="2"/>` +
      `<text x="${(px(r.high) + 6).toFixed(1)}" y="${y + 20}">${pct(r.rate)}</text>`;
  });
  return `${svgOpen(rows.length * row + 12, title, 'intervals')}${parts.join('')}</svg>`;
}
