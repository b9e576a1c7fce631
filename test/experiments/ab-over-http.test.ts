/**
 * An A/B experiment through the real HTTP stack, storage and analytics recorder: each
 * conversation gets one variant and keeps it, exposures and outcomes are counted per
 * variant without any id, test conversations are counted apart and left out by default.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestConversationRule } from '../../src/analytics/is-test-conversation';
import { loadReport } from '../../src/analytics/load-report';
import { createAnalyticsRecorder, type AnalyticsRecorder } from '../../src/analytics/recorder';
import { loadRuntime } from '../../src/script/load-runtime';
import type { Runtime } from '../../src/script/runtime';
import { advance } from '../../src/engine/advance';
import { createMemoryStore } from '../../src/storage/memory-store';
import { buildJoin, buildMessage, postJson } from '../helpers/http';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';

const ROOT = join(import.meta.dirname, '..', '..');
const SERVICE_URL = 'http://127.0.0.1:1/never-called';
let runtime: Runtime;
let bot: TestBot;
let recorder: AnalyticsRecorder;
const analyticsStore = createMemoryStore();

beforeAll(async () => {
  const loaded = loadRuntime(ROOT);
  if (!loaded.runtime) throw new Error('content has errors');
  runtime = loaded.runtime;
  recorder = createAnalyticsRecorder({ store: analyticsStore, flushIntervalMs: 0, getContent: () => runtime.content });
  bot = await startTestBot({
    runtime,
    advance,
    onEvents: (events, lang, meta) => recorder.record(events, lang, meta),
    // As deployed: only the Emulator's and the preview's conversations are tests.
    isTestConversation: createTestConversationRule(false),
  });
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await recorder?.close();
});

const experiment = () => runtime.experiments!.find((e) => e.id === 'menu-check-first')!;
const text = (key: string) => {
  const [ns, path] = key.split(':');
  return path!.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], runtime.content.locales.en[ns!]);
};

/** Says `fields` in conversation `id` on `channelId` and returns the texts of the replies. */
async function say(id: string, channelId: string, fields: Record<string, unknown>): Promise<string[]> {
  const common = { channelId, conversation: { id }, from: { id: `${id}-user` }, locale: 'en-US', deliveryMode: 'expectReplies' };
  const build = fields.join ? buildJoin(SERVICE_URL, { ...common, membersAdded: [{ id: 'bot-1' }, { id: `${id}-user` }] }) : buildMessage(SERVICE_URL, { ...common, ...fields });
  const response = await postJson(bot.messagesUrl, build);
  expect(response.status).toBe(200);
  return ((response.json() as { activities?: { text?: string }[] }).activities ?? []).map((a) => a.text ?? '');
}

/** Which variant of the menu question a conversation was shown (undefined when none). */
function shownVariant(replies: string[]): string | undefined {
  const base = experiment().text;
  return experiment().variants.find((v) => replies.some((r) => r.startsWith(String(text(v === 'a' ? base : `${base}@${v}`)).slice(0, 40))));
}

describe('A/B variants over HTTP', () => {
  it('assigns each conversation one variant at random, keeps it, and counts exposures and outcomes per variant without ids', async () => {
    const seen = new Map<string, string>();
    for (let i = 0; i < 30; i++) {
      const id = `ab-canary-conv-${i}`;
      await say(id, 'webchat', { join: true });
      const first = shownVariant(await say(id, 'webchat', { text: 'menu' }));
      expect(first, `conversation ${i} saw the menu question`).toBeDefined();
      const again = shownVariant(await say(id, 'webchat', { text: 'menu' }));
      expect(again, 'the same conversation keeps its variant').toBe(first);
      seen.set(id, first!);
      if (i % 2 === 0) await say(id, 'webchat', { value: { choice: 'check_offer' }, text: 'Check an offer' });
    }
    expect(new Set(seen.values())).toEqual(new Set(['a', 'b']));
    await recorder.flush();
    const report = await loadReport(analyticsStore, { experiments: runtime.experiments, minCount: 1, content: runtime.content });
    const result = report.experiments.find((e) => e.id === 'menu-check-first')!;
    const byVariant = Object.fromEntries(result.variants.map((v) => [v.variant, v]));
    const count = (v: string) => [...seen.values()].filter((x) => x === v).length;
    const converted = (v: string) => [...seen.entries()].filter(([id, x]) => x === v && Number(id.split('-').pop()) % 2 === 0).length;
    expect(byVariant.a).toMatchObject({ exposed: count('a'), converted: converted('a') });
    expect(byVariant.b).toMatchObject({ exposed: count('b'), converted: converted('b') });
    expect(result.status).toBe('not_enough_data');
    expect(result.verdict).toMatch(/^Not enough data yet: each variant needs at least 100 conversations/);
    const stored = JSON.stringify(await analyticsStore.read(['analytics/daily/' + report.to, 'analytics/daily/en/' + report.to]));
    expect(stored).toContain('ab_exposed|menu-check-first|');
    expect(stored).not.toContain('ab-canary');
  }, 60_000);

  it('counts Emulator conversations apart, shows them the original text, and leaves them out of statistics by default', async () => {
    const before = await loadReport(analyticsStore, { minCount: 1 });
    for (let i = 0; i < 6; i++) {
      const id = `emu-${i}`;
      await say(id, 'emulator', { join: true });
      expect(shownVariant(await say(id, 'emulator', { text: 'menu' }))).toBe('a');
    }
    await recorder.flush();
    const after = await loadReport(analyticsStore, { minCount: 1 });
    expect(after.languages).toEqual(before.languages);
    const withTest = await loadReport(analyticsStore, { minCount: 1, includeTest: true });
    const started = (r: typeof after) => Number(r.dialogs.find((d) => d.dialog === 'menu')?.started ?? 0);
    expect(started(withTest)).toBe(started(after) + 6);
    expect(withTest.includesTest).toBe(true);
  });
});
