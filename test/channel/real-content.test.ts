/**
 * The turn processor over the real content, engine, recogniser and scanner: the paths the
 * platform owns (first contact, numbered lists, language persistence) with the real dialogs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channel/create-translator';
import { loadRuntime } from '../../src/script/load-runtime';
import { loadSystemTexts } from '../../src/channel/system-texts';
import { createTurnProcessor, type TurnProcessor } from '../../src/channel/turn-processor';
import type { InboundActivity } from '../../src/channel/types';
import type { Runtime } from '../../src/script/runtime';
import { advance } from '../../src/engine/advance';
import { pickControl } from '../../src/experiments/apply-experiments';
import { createMemoryStore } from '../../src/storage/memory-store';
import { captureLogs } from '../helpers/capture-logs';

let runtime: Runtime;
let processor: TurnProcessor;
let t: (key: string, lang: 'vi' | 'fr' | 'en') => string;
const system = loadSystemTexts(process.cwd());

beforeAll(() => {
  const loaded = loadRuntime(process.cwd());
  if (!loaded.runtime) throw new Error(`content has errors: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  runtime = loaded.runtime;
  processor = createTurnProcessor({
    getRuntime: () => runtime, advance, store: createMemoryStore(), logger: captureLogs().logger, defaultLang: 'vi', system,
    // A/B experiments (dialogs/_experiments.yaml) would pick a text version at random: always show the original here.
    pickVariant: pickControl,
  });
  t = createTranslator(runtime.content.locales, system, runtime.content.variables);
}, 60_000);

let n = 0;
function user(channelId: string, locale = 'vi-VN') {
  const conversation = { id: `real-${++n}` } as InboundActivity['conversation'];
  const from = { id: `real-user-${n}`, name: 'x' };
  return async (fields: Partial<InboundActivity>) =>
    (await processor.processActivity({ type: 'message', channelId, conversation, from, recipient: { id: 'bot', name: 'bot' }, locale, ...fields })).replies;
}

describe('channel layer over the real content', () => {
  it('answers a first message that signals danger with the welcome and the danger numbers', async () => {
    const say = user('directline');
    const replies = (await say({ text: 'cứu tôi với, tôi bị nhốt, họ đánh tôi' })).map((r) => r.text);
    expect(replies[0]).toBe(t('welcome:intro.text', 'vi'));
    expect(replies).toContain(t('danger:numbers.call_now', 'vi'));
  });

  it('welcomes again in the language of a clear first message, after a welcome in DEFAULT_LANG', async () => {
    const conversation = { id: `real-${++n}` } as InboundActivity['conversation'];
    const from = { id: `real-user-${n}`, name: 'x' };
    const base = { channelId: 'emulator', conversation, from, recipient: { id: 'bot', name: 'bot' } };
    const start = await processor.processActivity({ ...base, type: 'conversationUpdate', membersAdded: [from] });
    expect(start.replies[0]?.text).toBe(t('welcome:intro.text', 'vi'));
    const hello = await processor.processActivity({ ...base, type: 'message', text: 'hello' });
    expect(hello.lang).toBe('en');
    // No "I will reply in English from now on": the user never chose Vietnamese.
    expect(hello.replies.map((r) => r.text)).toEqual([t('welcome:intro.text', 'en')]);
    expect(hello.replies[0]?.suggestedActions?.actions.map((a) => a.title)).toEqual(['Tiếng Việt', 'Français', 'English']);
    // The first message settled the language: a later neutral greeting keeps it.
    const again = await processor.processActivity({ ...base, type: 'message', text: 'hi' });
    expect(again.lang).toBe('en');
  });

  it.each([
    ['hello', 'vi-VN', 'en'],
    ['Hi!', undefined, 'en'],
    ['bonjour', 'vi-VN', 'fr'],
    ['salut', 'en-US', 'fr'],
    ['xin chào', 'en-US', 'vi'],
    ['chao ban', 'fr-FR', 'vi'],
    ['👋', 'fr-FR', 'fr'],
    ['ok', undefined, 'vi'],
  ] as const)('welcomes a first message %j (locale %s) in %s', async (text, locale, expected) => {
    const say = user('directline', locale);
    const replies = await say({ text });
    expect(replies[0]?.text).toBe(t('welcome:intro.text', expected));
  });

  it('offers the language choice as a numbered list on a channel without buttons, and "3" picks English', async () => {
    const say = user('sms');
    const welcome = await say({ text: 'xin chào' });
    const list = welcome.at(-1)?.text ?? '';
    expect(list).toMatch(/^1\. .+\n2\. .+\n3\. .+/);
    expect(list).toContain(system.vi.choice_hint);
    const next = await say({ text: '3' });
    expect(next.map((r) => r.text)).toContain(t('menu:intro.text', 'en'));
  });

  it('keeps the language across turns and renders shared variables (no {{ }} left)', async () => {
    const say = user('emulator', 'en-US');
    await say({ text: 'hello' });
    const afterTap = await say({ value: { choice: 'fr' }, text: 'Français' });
    expect(afterTap.map((r) => r.text)).toContain(t('menu:intro.text', 'fr'));
    const help = await say({ text: 'je suis en danger, aidez-moi' });
    const texts = help.map((r) => r.text ?? '');
    expect(texts).toContain(t('danger:numbers.call_now', 'fr'));
    texts.forEach((text) => expect(text).not.toMatch(/{{|}}/));
  });
});
