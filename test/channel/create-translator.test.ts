import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channel/create-translator';
import { loadSystemTexts } from '../../src/channel/system-texts';

describe('createTranslator', () => {
  const system = loadSystemTexts(process.cwd());
  const locales = {
    en: { demo: { plain: 'Tap a topic.', hello: 'Hello {{name}}, you have {{count}} answers.', nested: 'Menu: $t(demo:plain)', shared: 'Call {{hotline}}.' } },
    fr: { demo: { plain: 'Touchez un sujet.' } },
  };
  const translate = createTranslator(locales, system, { hotline: '111' });

  it('renders placeholders with each call\'s own variables, also after plain texts were rendered', () => {
    expect(translate('demo:plain', 'en', { name: 'x' })).toBe('Tap a topic.');
    expect(translate('demo:hello', 'en', { name: 'Lan', count: 2 })).toBe('Hello Lan, you have 2 answers.');
    expect(translate('demo:hello', 'en', { name: 'Minh', count: 5 })).toBe('Hello Minh, you have 5 answers.');
    expect(translate('demo:shared', 'en')).toBe('Call 111.');
    expect(translate('demo:nested', 'en')).toBe('Menu: Tap a topic.');
  });

  it('keeps each language apart and falls back to English', () => {
    expect(translate('demo:plain', 'fr')).toBe('Touchez un sujet.');
    expect(translate('demo:plain', 'en')).toBe('Tap a topic.');
    expect(translate('demo:plain', 'vi')).toBe('Tap a topic.');
    expect(translate('demo:hello', 'vi', { name: 'An', count: 1 })).toBe('Hello An, you have 1 answers.');
  });
});
