/**
 * `GET /flows`: one dialog at a time, picked from a list, with its texts in the chosen
 * language, drawn by Mermaid (served from node_modules, no CDN). Every step links to
 * where it is written: `GET /flows/source/<dialog>#L<line>` shows the dialog's YAML with
 * line numbers. Readable on a phone: the diagram keeps its size and scrolls sideways.
 * Mount in local mode only (the diagrams show the whole script).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content, Dialog } from '../engine/types';
import { LANGS } from '../kernel/lang';
import { formatDiagnostic, type Diagnostic } from '../kernel/diagnostic';
import { buildMermaid } from '../flows/build-mermaid';
import { listStepsInOrder } from '../script/step-order';
import { escapeHtml } from '../kernel/escape-html';

const LANG_NAMES: Record<string, string> = { vi: 'Tiếng Việt', fr: 'Français', en: 'English' };

/** Page head shared by the diagram and the source pages. */
function head(title: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/flows/flows.css">
</head><body><main>`;
}

/** Link to where `step` of `dialog` is written. */
export function sourceLink(dialog: Dialog, line: number): string {
  return `/flows/source/${encodeURIComponent(dialog.id)}#L${line}`;
}

/** The picker form (works without script: a GET form). */
function picker(content: Content, dialogId: string, lang: string): string {
  const dialogs = Object.keys(content.dialogs).sort().map((id) => `<option value="${escapeHtml(id)}"${id === dialogId ? ' selected' : ''}>${escapeHtml(id)}</option>`);
  const langs = LANGS.map((l) => `<option value="${l}"${l === lang ? ' selected' : ''}>${escapeHtml(LANG_NAMES[l] ?? l)}</option>`);
  return `<form class="picker" method="get" action="/flows">
<label>Dialog <select name="dialog">${dialogs.join('')}</select></label>
<label>Texts in <select name="lang">${langs.join('')}</select></label>
<button type="submit">Show</button>
</form>`;
}

/** The page of one dialog, or the problems when the content is invalid. */
export function renderFlowsPage(content: Content | null, diagnostics: Diagnostic[], wanted: { dialog?: string; lang?: string }): string {
  if (!content) {
    return `${head('ThinkFirst conversation flows')}<h1>Conversation flows</h1><p>The dialogs have errors, so no diagram can be drawn. Fix these, then reload:</p><pre>${escapeHtml(diagnostics.map(formatDiagnostic).join('\n'))}</pre></main></body></html>\n`;
  }
  const lang = LANGS.includes(wanted.lang as never) ? (wanted.lang as string) : 'en';
  const dialog = (wanted.dialog && content.dialogs[wanted.dialog]) || content.dialogs[content.global.menu] || Object.values(content.dialogs)[0]!;
  const mermaid = buildMermaid(dialog, content, { lang, linkOf: (step) => sourceLink(dialog, step.pos.line) });
  const steps = listStepsInOrder(dialog).flatMap((id) => dialog.steps[id] ?? []);
  const list = steps.map((s) => `<li><a href="${sourceLink(dialog, s.pos.line)}">${escapeHtml(s.id)}</a> <span class="where">${escapeHtml(`${s.pos.file}:${s.pos.line}`)}</span></li>`);
  return `${head(`${dialog.id}: ThinkFirst conversation flows`)}
<h1>Conversation flows</h1>
${picker(content, dialog.id, lang)}
<h2>${escapeHtml(dialog.id)} <span class="where">${escapeHtml(dialog.file)}</span></h2>
<p class="legend">Hexagon: a question with answers (arrows carry the answer id and its label). Diamond: a branch. Double box: another dialog. Dotted arrow: answer not understood. Tap a step to see where it is written.</p>
<div class="diagram"><pre class="mermaid">${escapeHtml(mermaid)}</pre></div>
<h3>Steps and where they are written</h3>
<ol class="steps">${list.join('')}</ol>
</main>
<script src="/flows/mermaid.min.js"></script>
<script src="/flows/flows.js"></script>
</body></html>
`;
}

/** The YAML of `dialog` with numbered, linkable lines. */
export function renderSourcePage(rootDir: string, dialog: Dialog): string {
  const text = readFileSync(join(rootDir, dialog.file), 'utf8');
  const lines = text.split('\n').map((l, i) => `<span id="L${i + 1}" class="line"><a class="n" href="#L${i + 1}">${i + 1}</a>${escapeHtml(l)}</span>`);
  return `${head(dialog.file)}<p><a href="/flows?dialog=${encodeURIComponent(dialog.id)}">← back to the diagram of ${escapeHtml(dialog.id)}</a></p>
<h1>${escapeHtml(dialog.file)}</h1>
<pre class="source">${lines.join('\n')}</pre>
</main></body></html>
`;
}

/** Starts Mermaid (served as a file: the page allows no inline script). */
export const FLOWS_SCRIPT = "mermaid.initialize({ startOnLoad: true, securityLevel: 'antiscript', flowchart: { htmlLabels: true, useMaxWidth: false } });\n";

/** Styles of the flows pages. */
export const FLOWS_CSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; }
main { padding: 1rem; max-width: 80rem; margin: 0 auto; }
.picker { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
.picker select, .picker button { font: inherit; min-height: 2.75rem; padding: .3rem .6rem; }
.diagram { overflow: auto; border: 1px solid #c8c8c8; border-radius: .4rem; padding: .5rem; -webkit-overflow-scrolling: touch; }
.where { color: #555; font-size: .9rem; font-weight: normal; }
.steps li { margin: .2rem 0; }
.source { overflow: auto; font-size: 14px; }
.source .line { display: block; }
.source .line:target { background: #fff3c4; }
.source .n { display: inline-block; width: 3.5em; color: #888; text-decoration: none; user-select: none; }
`;
