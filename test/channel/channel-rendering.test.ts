/**
 * The real content rendered for each channel's client: what a person on Telegram, Messenger,
 * Teams, the Playground or Web Chat would see. Lists, bullets and phone numbers stay one per
 * line in every client; no choice is lost to a client's button limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_PROFILES, getChannelProfile, profileForActivity } from '../../src/channel/channel-profile';
import { createTranslator, type Translate } from '../../src/channel/create-translator';
import { loadRuntime } from '../../src/script/load-runtime';
import { ADAPTIVE_CARD, renderOutputs, type ButtonAction, type SubmitAction } from '../../src/channel/render-outputs';
import { loadSystemTexts } from '../../src/channel/system-texts';
import type { OutboundActivity } from '../../src/channel/types';
import type { Content, EngineOutput } from '../../src/engine/types';

let content: Content;
let translate: Translate;
const system = loadSystemTexts(process.cwd());

beforeAll(() => {
  const loaded = loadRuntime(process.cwd());
  if (!loaded.runtime) throw new Error('shipped content has errors: run npm run validate');
  content = loaded.runtime.content;
  translate = createTranslator(content.locales, system, content.variables);
}, 60_000);

const say = (key: string): EngineOutput => ({ type: 'say', key, vars: {} });
/** The choices of a real step, as the engine outputs them. */
function choicesOf(dialog: string, step: string): EngineOutput {
  const choices = content.dialogs[dialog]?.steps[step]?.choices ?? [];
  return { type: 'choices', options: choices.map((c) => ({ id: c.id, label: c.label })), vars: {} };
}
const MENU = (): EngineOutput[] => [say('menu:intro.text'), choicesOf('menu', 'intro')];
/** How many topics the shipped menu offers (it grows as topics are added). */
const menuSize = (): number => { const c = choicesOf('menu', 'intro'); return c.type === 'choices' ? c.options.length : 0; };
const DANGER = (): EngineOutput[] => [say('danger:numbers.call_now')];

/** The lines a client shows for one activity's text, read back from its markup. */
function shownLines(activity: OutboundActivity): string[] {
  const text = activity.text ?? '';
  if (activity.textFormat === 'xml') {
    return text.split('<br>').map((l) => l.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  }
  if (activity.textFormat === 'markdown') {
    // A hard break (two spaces + newline) or a blank line ends a line; a single bare newline would not.
    expect(text).not.toMatch(/[^ \n]\n(?!\n)/);
    return text.split(/ {2}\n|\n\n/).map((l) => l.replace(/\\([\\`*_[\]<>#|~.)+=-])/g, '$1'));
  }
  return text.split('\n');
}

/** The suggested-action buttons of an activity. */
function buttonsOf(activity: OutboundActivity): ButtonAction[] {
  return (activity.suggestedActions?.actions ?? []) as ButtonAction[];
}

/** The Adaptive Card buttons of an activity. */
function cardButtonsOf(activity: OutboundActivity): SubmitAction[] {
  return (activity.attachments ?? []).flatMap((a) => (a.content as { actions?: SubmitAction[] }).actions ?? []);
}

function dangerLines(channel: string): string[] {
  const { activities } = renderOutputs(DANGER(), 'vi', translate, getChannelProfile(channel));
  return activities.flatMap(shownLines);
}

describe('each channel profile cites where its limits come from', () => {
  it.each(Object.keys(CHANNEL_PROFILES))('%s', (name) => {
    const profile = getChannelProfile(name);
    expect(profile.sources.length).toBeGreaterThan(0);
    expect(profile.maxLength).toBeGreaterThan(0);
  });
});

describe('the danger numbers, one bullet per line, in every client', () => {
  it.each(['msteams', 'm365-playground-emulator', 'webchat', 'emulator', 'directline', 'telegram', 'facebook', 'line', 'sms', 'some-new-channel'])('%s', (channel) => {
    const expected = translate('danger:numbers.call_now', 'vi').split('\n');
    expect(expected.length).toBeGreaterThan(2);
    expect(dangerLines(channel)).toEqual(expected);
  });
});

describe('Microsoft Teams (and the Playground in msteams and emulator modes)', () => {
  it('sends HTML text with <br> line breaks and escapes what HTML would read', () => {
    const [activity] = renderOutputs(DANGER(), 'en', translate, getChannelProfile('msteams')).activities;
    expect(activity?.textFormat).toBe('xml');
    expect(activity?.text).toContain('<br>');
    expect(activity?.text).not.toContain('\n');
    const [tricky] = renderOutputs([{ type: 'say', key: 'x', vars: {} }], 'en', () => 'a < b & c\n2. next', getChannelProfile('msteams')).activities;
    expect(tricky?.text).toBe('a &lt; b &amp; c<br>2. next');
  });

  it('shows the eight menu choices as Action.Submit buttons on Adaptive Cards of at most six, none dropped', () => {
    const { activities } = renderOutputs(MENU(), 'fr', translate, getChannelProfile('msteams'));
    expect(activities).toHaveLength(1);
    const cards = activities[0]?.attachments ?? [];
    expect(cards.map((c) => c.contentType)).toEqual([ADAPTIVE_CARD, ADAPTIVE_CARD]);
    cards.forEach((card) => expect((card.content as { actions: unknown[] }).actions.length).toBeLessThanOrEqual(6));
    const buttons = cardButtonsOf(activities[0]!);
    const options = (choicesOf('menu', 'intro') as { options: { id: string; label: string }[] }).options;
    expect(buttons.map((b) => b.data)).toEqual(options.map((o) => ({ choice: o.id })));
    expect(buttons.map((b) => b.title)).toEqual(options.map((o) => translate(o.label, 'fr')).map((l) => ([...l].length <= 20 ? l : expect.stringMatching(/…$/))));
    buttons.forEach((b) => expect(b.type).toBe('Action.Submit'));
    expect(activities[0]?.suggestedActions).toBeUndefined();
  });

  it('treats the Playground in emulator mode (a Teams tenant on the emulator channel) as Teams-style', () => {
    const playground = profileForActivity({ channelId: 'emulator', conversation: { tenantId: '00000000-0000-0000-0000-0000000000001' } });
    expect(playground).toMatchObject({ choiceStyle: 'adaptive-card', markup: 'xml' });
    expect(profileForActivity({ channelId: 'emulator', channelData: { tenant: { id: 't' } } }).choiceStyle).toBe('adaptive-card');
    // The Bot Framework Emulator sends no tenant: suggested actions and plain text, as before.
    expect(profileForActivity({ channelId: 'emulator', conversation: {} })).toMatchObject({ choiceStyle: 'suggested-actions', markup: 'plain' });
  });
});

describe('Facebook Messenger', () => {
  it('keeps each message within the 640-character guidance (and so the 2,000 limit)', () => {
    const long = renderOutputs([say('x')], 'en', () => 'A sentence of a long campaign text. '.repeat(60), getChannelProfile('facebook')).activities;
    expect(long.length).toBeGreaterThan(1);
    long.forEach((a) => expect(a.text!.length).toBeLessThanOrEqual(640));
  });

  it('sends quick replies as imBack with titles of at most 20 characters and the whole label as value', () => {
    const { activities } = renderOutputs(MENU(), 'vi', translate, getChannelProfile('facebook'));
    const buttons = buttonsOf(activities.at(-1)!);
    expect(buttons).toHaveLength(menuSize());
    buttons.forEach((b) => {
      expect(b.type).toBe('imBack');
      expect([...b.title].length).toBeLessThanOrEqual(20);
    });
    const long = 'Kiểm tra một lời mời làm việc';
    const [cut] = buttonsOf(renderOutputs([{ type: 'choices', options: [{ id: 'c', label: 'k' }], vars: {} }], 'vi', () => long, getChannelProfile('facebook')).activities[0]!);
    expect(cut).toMatchObject({ title: 'Kiểm tra một lời mờ…', value: long });
  });

  it('falls back to a numbered list, one choice per line, beyond 13 quick replies', () => {
    const options = Array.from({ length: 14 }, (_, i) => ({ id: `o${i}`, label: `L${i}` }));
    const { activities } = renderOutputs([{ type: 'choices', options, vars: {} }], 'en', (key) => key.startsWith('system:') ? translate(key, 'en') : key, getChannelProfile('facebook'));
    expect(activities.some((a) => a.suggestedActions)).toBe(false);
    const lines = activities.flatMap(shownLines);
    expect(lines.slice(0, 14)).toEqual(options.map((o, i) => `${i + 1}. ${o.label}`));
  });
});

describe('Telegram', () => {
  it('sends plain text (nothing to escape) up to 4,096 characters, and imBack keyboard buttons', () => {
    const { activities } = renderOutputs([...DANGER(), ...MENU()], 'fr', translate, getChannelProfile('telegram'));
    activities.forEach((a) => {
      expect(a.textFormat).toBe('plain');
      expect(a.text!.length).toBeLessThanOrEqual(4096);
    });
    expect(activities[0]?.text).toBe(translate('danger:numbers.call_now', 'fr'));
    expect(buttonsOf(activities.at(-1)!).map((b) => b.type)).toEqual(Array(menuSize()).fill('imBack'));
    const long = renderOutputs([say('x')], 'en', () => 'Word '.repeat(1000), getChannelProfile('telegram')).activities;
    expect(long).toHaveLength(2);
  });
});

describe('Web Chat (Azure channel and the Playground in webchat mode)', () => {
  it('escapes Markdown so numbered lines stay as written, with a hard break per line', () => {
    const text = '1. Tiếng Việt\n2. Français\n- not a bullet\n*not bold* #not-a-heading\n\nNew paragraph';
    const [activity] = renderOutputs([say('x')], 'en', () => text, getChannelProfile('webchat')).activities;
    expect(activity?.textFormat).toBe('markdown');
    expect(activity?.text).toBe('1\\. Tiếng Việt  \n2\\. Français  \n\\- not a bullet  \n\\*not bold\\* \\#not-a-heading\n\nNew paragraph');
    expect(shownLines(activity!)).toEqual(['1. Tiếng Việt', '2. Français', '- not a bullet', '*not bold* #not-a-heading', 'New paragraph']);
  });

  it('keeps messageBack suggested actions carrying the choice id', () => {
    const { activities } = renderOutputs(MENU(), 'en', translate, getChannelProfile('webchat'));
    expect(buttonsOf(activities.at(-1)!).map((b) => b.value)).toEqual((choicesOf('menu', 'intro') as { options: { id: string }[] }).options.map((o) => ({ choice: o.id })));
  });
});

describe('channels without buttons', () => {
  it('writes one choice per line with real line breaks, then the hint', () => {
    const { activities } = renderOutputs([say('welcome:intro.text'), choicesOf('welcome', 'intro')], 'en', translate, getChannelProfile('some-new-channel'));
    const list = activities.at(-1)!;
    expect(list.textFormat).toBe('plain');
    expect(list.text).toBe(`1. Tiếng Việt\n2. Français\n3. English\n\n${system.en.choice_hint}`);
  });
});
