/**
 * The training vocabulary that tells the bot's topics from nonsense: content words, function words,
 * and words one typo away from a content word.
 */
import { describe, expect, it } from 'vitest';
import { FUNCTION_WORD_SPREAD, Vocabulary } from '../../src/nlu/vocabulary';

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
});
