/**
 * The crawler: follows every choice of every dialog of the shipped content, from a new
 * conversation, from the menu and from every interruption, with the real loader and
 * engine, and proves that every path can reach an end or the menu, that no step leaves
 * the user without buttons, and that every text rendered exists in vi, fr and en with
 * every {{variable}} filled.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { advance } from '../../src/engine/advance';
import type { Content } from '../../src/engine/types';
import { LANGS } from '../../src/kernel/lang';
import { formatDiagnostic } from '../../src/kernel/diagnostic';
import { loadContent } from '../../src/script/load-content';
import { describePath, exploreContent, findTraps, type CrawlResult } from './crawl/explore';
import { checkOutputs } from './crawl/render-check';
import { countMessages } from './crawl/count-messages';

const ROOT = path.resolve(import.meta.dirname, '../..');
let content: Content;
let crawl: CrawlResult;

beforeAll(() => {
  const loaded = loadContent(ROOT);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  expect(errors, 'the shipped content must load without errors').toEqual([]);
  content = loaded.content!;
  crawl = exploreContent(content, advance);
}, 240_000); // about 100,000 states (the offer check's twelve answers): 10-40 s on a busy machine

describe('crawl of every dialog', () => {
  it('runs every path without an engine error and never leaves the user without buttons', () => {
    expect(crawl.problems).toEqual([]);
  });

  it('can reach an end or the menu from every state', () => {
    const traps = findTraps(crawl.nodes).slice(0, 5).map((n) => describePath(crawl.nodes, n));
    expect(traps).toEqual([]);
  });

  it('reaches every step of every dialog and takes every choice', () => {
    const steps = Object.values(content.dialogs).flatMap((d) => Object.keys(d.steps).map((s) => `${d.id}.${s}`));
    expect(steps.filter((s) => !crawl.stepsReached.has(s))).toEqual([]);
    const choices = Object.values(content.dialogs).flatMap((d) =>
      Object.values(d.steps).flatMap((s) => (s.choices ?? []).map((c) => `${d.id}.${s.id}.${c.id}`)),
    );
    expect(choices.filter((c) => !crawl.choicesTaken.has(c))).toEqual([]);
  });

  it('starts every menu topic from the menu', () => {
    const menu = content.dialogs[content.global.menu]!;
    for (const c of menu.steps[menu.start]!.choices!) {
      const step = 'dialog' in c.goto ? `${c.goto.dialog}.${content.dialogs[c.goto.dialog]!.start}` : 'step' in c.goto ? `${menu.id}.${c.goto.step}` : 'resume';
      expect(crawl.stepsReached.has(step), `menu choice ${c.id} -> ${step}`).toBe(true);
    }
  });
});

describe.each(LANGS)('texts of every path in %s', (lang) => {
  it('exist, have every {{variable}} filled, and fit a phone screen', () => {
    expect(crawl.outputs.length).toBeGreaterThan(0);
    expect(checkOutputs(content, crawl.outputs, lang)).toEqual([]);
  });
});

/** Most messages one reply may send: a phone screen (issue 12). */
const MAX_MESSAGES_PER_REPLY = 4;


describe.each(LANGS)('message count of every reply in %s', (lang) => {
  it(`sends at most ${MAX_MESSAGES_PER_REPLY} messages per reply, rendered as on Web Chat`, () => {
    expect(crawl.replies.length).toBeGreaterThan(50);
    const over = crawl.replies
      .map((r) => ({ ...r, count: countMessages(content, r.outputs, lang) }))
      .filter((r) => r.count > MAX_MESSAGES_PER_REPLY)
      .map((r) => `${r.count} messages: ${r.path}`);
    expect(over.slice(0, 10)).toEqual([]);
  });
});

describe('the crawler itself', () => {
  const fixture = loadContent(path.join(import.meta.dirname, 'crawl/fixtures/trap'));

  it('reports two steps that only lead to each other, with the path to them', () => {
    expect(fixture.content, fixture.diagnostics.map(formatDiagnostic).join('\n')).not.toBeNull();
    const result = exploreContent(fixture.content!, advance);
    const trapped = findTraps(result.nodes);
    expect(trapped.map((n) => describePath(result.nodes, n))).toContain('idle > intent quiz > loop.ping[go]');
    expect(new Set(trapped.map((n) => n.state.stack.at(-1)?.dialog))).toEqual(new Set(['loop']));
  });

  it('reports a {{variable}} the engine never fills and a text missing in one language', () => {
    const result = exploreContent(fixture.content!, advance);
    expect(checkOutputs(fixture.content!, result.outputs, 'fr')).toEqual(['fr loop:ping.text: {{score}} has no value']);
    const missing = checkOutputs(fixture.content!, [{ type: 'say', key: 'menu:intro.nope', vars: {} }], 'vi');
    expect(missing).toEqual(['vi menu:intro.nope: text is missing']);
  });
});
