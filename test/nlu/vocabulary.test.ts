/**
 * The training vocabulary that tells the bot's topics from nonsense: content words, function words,
 * and words one typo away from a content word.
 */
import { describe, expect, it } from 'vitest';
import { FUNCTION_WORD_SPREAD, MIN_KEYWORD_PHRASES, Vocabulary } from '../../src/nlu/vocabulary';

const intents = Array.from({ length: FUNCTION_WORD_SPREAD }, (_, i) => `intent${i}`);
const vocabulary = new Vocabulary([
  { intent: 'thanks', words: ['thanks', 'a', 'lot'] },
  { intent: 'quiz', words: ['start', 'the', 'quiz'] },
  { intent: 'unknown', words: ['weather', 'today'] },
  // "you" is used by every intent: it says nothing about the intent
  ...intents.map((intent) => ({ intent, words: ['you'] })),
]);

describe('Vocabulary', () => {
  it('counts content, function and unseen words', () => {
    expect(vocabulary.countWords(['thanks', 'you', 'zzz'])).toEqual({ content: 1, functional: 1, unseen: 1 });
  });

  it('ignores the words of the unknown intent', () => {
    expect(vocabulary.countWords(['weather', 'today'])).toEqual({ content: 0, functional: 0, unseen: 2 });
  });

  it.each([['thankss', 'letter added'], ['thaks', 'letter missing'], ['thenks', 'letter replaced'], ['htanks', 'letters swapped'], ['qiuz', 'letters swapped']])(
    '%s (%s) is a content word', (word) => {
      expect(vocabulary.countWords([word]).content).toBe(1);
    });

  it('does not take a replaced first letter for a typo: that mostly makes another word', () => {
    expect(vocabulary.countWords(['qhanks']).unseen).toBe(1);
    expect(vocabulary.countWords(['tjanks']).content).toBe(1);
  });

  it('does not stretch to two typos or to short words', () => {
    expect(vocabulary.countWords(['thnkx']).unseen).toBe(1);
    expect(vocabulary.countWords(['lat']).unseen).toBe(1);
  });

  it('calls a message off-topic when unseen words outweigh the known ones', () => {
    expect(vocabulary.isOffTopic(['purple', 'elephant'])).toBe(true);
    expect(vocabulary.isOffTopic(['start', 'quiz', 'now'])).toBe(false);
    // one new word among common ones is not enough
    expect(vocabulary.isOffTopic(['you', 'you', 'elephant'])).toBe(false);
  });

  describe('domain keywords', () => {
    const repeat = (intent: string, words: string[]): { intent: string; words: string[] }[] => Array.from({ length: MIN_KEYWORD_PHRASES }, () => ({ intent, words }));
    const domain = new Vocabulary(
      [
        ...repeat('safe_migration', ['visa', 'for', 'work']),
        ...repeat('quiz', ['quiz', 'for', 'me']),
        // "work" is also an off-topic word ("homework"): never a keyword
        ...repeat('unknown', ['work', 'homework']),
        { intent: 'get_help', words: ['hotline', 'now'] },
      ],
      ['unknown'],
      ['scam', 'ho chieu'],
    );

    it('learns words used by few intents in several phrases, and by no off-topic phrase', () => {
      expect(domain.countKeywords(['visa'])).toBe(1);
      expect(domain.countKeywords(['quiz'])).toBe(1);
      expect(domain.countKeywords(['work'])).toBe(0);
      // met in one phrase only: a chance word, not a keyword
      expect(domain.countKeywords(['hotline'])).toBe(0);
    });

    it('counts built-in keywords, one word or two adjacent words, even when no phrase uses them', () => {
      expect(domain.countKeywords(['scam', 'or', 'not'])).toBe(1);
      expect(domain.countKeywords(['mat', 'ho', 'chieu'])).toBe(1);
      expect(domain.countWords(['scam']).content).toBe(1);
    });

    it('does not call a message carrying a keyword off-topic', () => {
      expect(domain.isOffTopic(['scam', 'lol', 'xd'])).toBe(false);
      expect(domain.isOffTopic(['purple', 'lol', 'xd'])).toBe(true);
      // a place named counts as a keyword (passed by the recogniser)
      expect(domain.isOffTopic(['poipet'])).toBe(true);
      expect(domain.isOffTopic(['poipet'], 1)).toBe(false);
    });
  });
});
