import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content, Dialog, Step, Target } from '../../src/engine/types';
import { loadContent } from '../../src/script/load-content';
import { END_NODE, RESUME_NODE, START_NODE, buildMermaid, escapeLabel, toDialogNodeId, toStepNodeId } from '../../src/flows/build-mermaid';
import { readLocaleText } from '../../src/script/locale-index';
import { writeFlows } from '../../src/tools/graph/write-flows';
import { ROOT } from './temp-locales';

const node = (t: Target) => ('step' in t ? toStepNodeId(t.step) : 'dialog' in t ? toDialogNodeId(t.dialog) : RESUME_NODE);

/** The edges a diagram must draw for `step`, as Mermaid lines, from the format's rules. */
function expectedEdges(step: Step, content?: Content): string[] {
  const from = toStepNodeId(step.id);
  const lines: string[] = [];
  if (step.call) lines.push(`${from} -->|"call ${escapeLabel(step.call)}"| ${toDialogNodeId(step.call)}`);
  for (const c of step.choices ?? []) {
    const label = content && readLocaleText(content.locales, 'en', c.label);
    lines.push(`${from} -->|"${escapeLabel(label ? `${c.id}: ${label}` : c.id)}"| ${node(c.goto)}`);
  }
  if (step.otherwise) lines.push(`${from} -.->|"otherwise (retry ${step.otherwise.retry})"| ${node(step.otherwise.goto)}`);
  for (const arm of step.branch ?? []) lines.push(`${from} -->|"${escapeLabel(arm.when ?? 'otherwise')}"| ${node(arm.goto)}`);
  if (step.next) lines.push(step.call ? `${from} -->|"after ${escapeLabel(step.call)}"| ${node(step.next)}` : `${from} --> ${node(step.next)}`);
  if (step.end) lines.push(`${from} --> ${END_NODE}`);
  return lines;
}

function checkDiagram(dialog: Dialog, content?: Content): void {
  const lines = buildMermaid(dialog, content).split('\n').map((l) => l.trim());
  expect(lines[1]).toBe('flowchart TD');
  const edges = lines.filter((l) => / -(->|\.->)/.test(l));
  const expected = [`${START_NODE} --> ${toStepNodeId(dialog.start)}`, ...Object.values(dialog.steps).flatMap((s) => expectedEdges(s, content))];
  // Every step is a node, every edge is drawn, and nothing else is.
  for (const step of Object.values(dialog.steps)) {
    expect(lines.some((l) => l.startsWith(`${toStepNodeId(step.id)}[`) || l.startsWith(`${toStepNodeId(step.id)}{`) || l.startsWith(`${toStepNodeId(step.id)}(`)), `${dialog.id}.${step.id}`).toBe(true);
  }
  expect([...edges].sort()).toEqual([...expected].sort());
  for (const target of expected.map((l) => l.split(' ').at(-1)!)) {
    expect(lines.some((l) => l.startsWith(`${target}[`) || l.startsWith(`${target}{`) || l.startsWith(`${target}(`)), `node ${target} of ${dialog.id}`).toBe(true);
  }
}

const pos = { file: 'dialogs/tricky.yaml', line: 1, col: 1 };
const step = (id: string, rest: Partial<Step>): Step => ({ id, say: [], set: {}, pos, ...rest });
const tricky: Dialog = {
  id: 'tricky',
  version: 1,
  triggers: [],
  counters: [],
  start: 'end',
  file: 'dialogs/tricky.yaml',
  steps: {
    end: step('end', { say: [{ key: 'tricky:end.text' }], next: { step: 'ask-me' } }),
    'ask-me': step('ask-me', {
      choices: [
        { id: 'yes', label: 'tricky:labels.quoted', add: {}, set: {}, intents: [], goto: { step: 'result' }, pos },
        { id: 'help', label: 'tricky:labels.help', add: {}, set: {}, intents: [], goto: { dialog: 'get-help' }, pos },
      ],
      otherwise: { say: [], retry: 2, goto: { step: 'ask-me' } },
    }),
    result: step('result', { branch: [{ when: 'score >= 3 and fee == yes', goto: { step: 'quiz_then' } }, { goto: { dialog: 'menu' } }] }),
    quiz_then: step('quiz_then', { call: 'quiz', next: { step: 'done' } }),
    done: step('done', { end: true }),
    orphan: step('orphan', { end: true }),
  },
};
const trickyContent = {
  locales: { en: { tricky: { end: { text: 'Say "hi" <b>#1</b>' }, labels: { quoted: 'Yes "really"', help: 'Help' } } } },
} as unknown as Content;

describe('flow diagrams', () => {
  const { content, diagnostics } = loadContent(ROOT);

  it('the project content loads', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.keys(content?.dialogs ?? {}).length).toBeGreaterThan(5);
  });

  for (const id of Object.keys(content?.dialogs ?? {}).sort()) {
    it(`draws every step and every edge of dialog ${id}`, () => checkDiagram(content!.dialogs[id]!, content!));
  }

  it('draws ids that are Mermaid keywords or have dashes, quotes and < > in texts, unreachable steps, call and branch', () => {
    checkDiagram(tricky, trickyContent);
    const text = buildMermaid(tricky, trickyContent);
    expect(text).toContain('s_end["end<br/><i>Say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt;</i>"]');
    expect(text).toContain('s_ask_2d_me -->|"yes: Yes #quot;really#quot;"| s_result');
    expect(text).toContain('s_result -->|"score #gt;= 3 and fee == yes"| s_quiz__then');
    expect(text).toContain('d_get_2d_help[["dialog: get-help"]]');
    expect(text).toContain('s_orphan([');
    // No raw quote may end a label early.
    for (const line of text.split('\n').filter((l) => l.includes('|"'))) expect(line).toMatch(/\|"[^"]*"\|/);
  });

  it('writes one .mmd per dialog and a README linking them, removing diagrams of deleted dialogs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-flows-'));
    try {
      writeFileSync(join(dir, 'old-dialog.mmd'), 'flowchart TD\n');
      const result = writeFlows(content!, dir);
      expect(result.removed).toEqual(['old-dialog.mmd']);
      expect(existsSync(join(dir, 'old-dialog.mmd'))).toBe(false);
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      for (const id of Object.keys(content!.dialogs)) {
        expect(readFileSync(join(dir, `${id}.mmd`), 'utf8')).toBe(buildMermaid(content!.dialogs[id]!, content!));
        expect(readme).toContain(`- [${id}](#${id}) ([source](${id}.mmd))`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
