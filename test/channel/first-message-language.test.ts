/** Greeting-only first messages: the language is clear only when all their words belong to one language. */
import { describe, expect, it } from 'vitest';
import { firstMessageLanguage } from '../../src/channel/first-message-language';
import { loadRecogniser } from '../../src/script/load-language';

const recogniser = loadRecogniser('dialogs/intents');

describe('the language of a first message', () => {
  it.each([
    ['hello', 'en'], ['Hi!', 'en'], ['hey bot', 'en'], ['good evening everyone', 'en'],
    ['bonjour', 'fr'], ['Salut à tous', 'fr'], ['coucou', 'fr'],
    ['xin chào', 'vi'], ['chao ban', 'vi'], ['alo ad oi', 'vi'],
  ] as const)('%j is %s', (text, lang) => {
    const other = lang === 'en' ? 'fr' : 'en';
    expect(firstMessageLanguage(recogniser.recognise(text, other))).toBe(lang);
  });

  it.each(['yo', 'hello ban oi', 'cc', 'hola', 'ok', 'bot', 'hello hello hello hello hello hello'])('%j says no language by itself', (text) => {
    const recognition = recogniser.recognise(text, 'fr');
    expect(recognition.greetingLang).toBeUndefined();
    if (!recognition.langConfident) expect(firstMessageLanguage(recognition)).toBeUndefined();
  });
});
