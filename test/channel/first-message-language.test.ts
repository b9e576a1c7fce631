/** Greeting-only first messages: the language is clear only when all their words belong to one language. */
import { describe, expect, it } from 'vitest';
import { greetingLanguage } from '../../src/channel/first-message-language';
import { fold } from '../../src/kernel/normalise';

describe('greetingLanguage', () => {
  it.each([
    ['hello', 'en'], ['Hi!', 'en'], ['hey bot', 'en'], ['good evening everyone', 'en'],
    ['bonjour', 'fr'], ['Salut à tous', 'fr'], ['coucou', 'fr'],
    ['xin chào', 'vi'], ['chao ban', 'vi'], ['alo ad oi', 'vi'],
  ] as const)('%j is %s', (text, lang) => {
    expect(greetingLanguage(fold(text))).toBe(lang);
  });

  it.each(['yo', 'hello ban oi', 'cc', 'hola', 'ok', 'bot', '', 'hello hello hello hello hello hello'])('%j says no language by itself', (text) => {
    expect(greetingLanguage(fold(text))).toBeUndefined();
  });
});
