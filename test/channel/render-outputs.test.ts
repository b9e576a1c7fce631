import { describe, expect, it } from 'vitest';
import { getChannelProfile } from '../../src/channel/channel-profile';
import { createTranslator } from '../../src/channel/create-translator';
import { renderOutputs, shortenTitle } from '../../src/channel/render-outputs';
import { loadSystemTexts } from '../../src/channel/system-texts';
import type { EngineOutput } from '../../src/engine/types';
import { fixtureContent } from '../fixtures/platform/fixture-runtime';

const system = loadSystemTexts(process.cwd());
const translate = createTranslator(fixtureContent.locales, system, fixtureContent.variables);
const WELCOME: EngineOutput[] = [
  { type: 'say', key: 'welcome:intro.text', vars: {} },
  { type: 'choices', options: ['vi', 'fr', 'en'].map((id) => ({ id, label: `welcome:intro.choices.${id}` })), vars: {} },
];

describe('renderOutputs', () => {
  it('renders texts in the user language with shared variables', () => {
    const { activities } = renderOutputs([{ type: 'say', key: 'menu:intro.text', vars: {} }], 'fr', translate, getChannelProfile('webchat'));
    expect(activities.map((a) => a.text)).toEqual(['Menu. Appelez le 111.']);
  });

  it('sends plain text where the client keeps plain line breaks (Emulator, Direct Line), Markdown-safe text on Web Chat', () => {
    for (const channel of ['emulator', 'directline', 'test']) {
      const { activities } = renderOutputs(WELCOME, 'vi', translate, getChannelProfile(channel));
      expect(activities.length).toBeGreaterThan(0);
      for (const activity of activities) expect(activity.textFormat, channel).toBe('plain');
    }
    const webchat = renderOutputs(WELCOME, 'vi', translate, getChannelProfile('webchat')).activities;
    for (const activity of webchat) expect(activity.textFormat).toBe('markdown');
  });

  it('attaches choices as suggested actions to the question on button channels', () => {
    const { activities } = renderOutputs(WELCOME, 'vi', translate, getChannelProfile('emulator'));
    expect(activities).toHaveLength(1);
    const actions = activities[0]?.suggestedActions?.actions ?? [];
    expect(actions.map((a) => [a.type, a.title, a.value])).toEqual([
      ['messageBack', 'Tiếng Việt', { choice: 'vi' }],
      ['messageBack', 'Français', { choice: 'fr' }],
      ['messageBack', 'English', { choice: 'en' }],
    ]);
  });

  it('uses imBack buttons (label text) on Telegram and Facebook', () => {
    const { activities } = renderOutputs(WELCOME, 'en', translate, getChannelProfile('telegram'));
    expect(activities[0]?.suggestedActions?.actions[1]).toMatchObject({ type: 'imBack', title: 'Français', value: 'Français' });
  });

  it('writes a numbered list with the hint on channels without buttons', () => {
    const { activities } = renderOutputs(WELCOME, 'en', translate, getChannelProfile('kik'));
    expect(activities.map((a) => a.text)).toEqual([
      'Hello! Choose a language.',
      '1. Tiếng Việt\n2. Français\n3. English\n\nReply with the number of your choice.',
    ]);
    expect(activities.some((a) => a.suggestedActions)).toBe(false);
  });

  it('adds a prompt when choices come without a question before them', () => {
    const { activities } = renderOutputs(WELCOME.slice(1), 'fr', translate, getChannelProfile('directline'));
    expect(activities[0]?.text).toBe('Choisissez\u00a0:');
    expect(activities[0]?.suggestedActions?.actions).toHaveLength(3);
  });

  it('switches language for the outputs after set_language, and reports it', () => {
    const outputs: EngineOutput[] = [
      { type: 'say', key: 'menu:count', vars: { n: 1 } },
      { type: 'set_language', lang: 'en' },
      { type: 'say', key: 'menu:count', vars: { n: 2 } },
    ];
    const result = renderOutputs(outputs, 'vi', translate, getChannelProfile('emulator'));
    expect(result.activities.map((a) => a.text)).toEqual(['Tin nhắn số 1.', 'Message number 2.']);
    expect(result.lang).toBe('en');
  });

  it('splits long texts to 640 characters on Facebook but not on Web Chat', () => {
    const outputs: EngineOutput[] = [{ type: 'say', key: 'menu:long', vars: {} }];
    const facebook = renderOutputs(outputs, 'en', translate, getChannelProfile('facebook')).activities;
    expect(facebook.length).toBeGreaterThan(1);
    facebook.forEach((a) => expect(a.text!.length).toBeLessThanOrEqual(640));
    expect(renderOutputs(outputs, 'en', translate, getChannelProfile('webchat')).activities).toHaveLength(1);
  });

  it('flags delete_data', () => {
    expect(renderOutputs([{ type: 'delete_data' }], 'en', translate, getChannelProfile('test')).deleteData).toBe(true);
  });

  it('keeps button titles to 20 characters', () => {
    expect(shortenTitle('Kiểm tra lời mời làm việc')).toHaveLength(20);
    expect(shortenTitle('Kiểm tra lời mời làm việc').endsWith('…')).toBe(true);
    expect(shortenTitle('English')).toBe('English');
  });
});
