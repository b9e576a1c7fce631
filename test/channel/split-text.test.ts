import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/channel/split-text';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('splitText', () => {
  it('keeps a text that fits as one message', () => {
    expect(splitText('Short text.', 640)).toEqual(['Short text.']);
  });

  it('splits on paragraphs first, packing paragraphs that fit together', () => {
    const a = 'A'.repeat(300);
    const b = 'B'.repeat(300);
    const c = 'C'.repeat(300);
    expect(splitText(`${a}\n\n${b}\n\n${c}`, 640)).toEqual([`${a}\n\n${b}`, c]);
  });

  it('splits a long paragraph on sentence ends', () => {
    const sentence = 'Never pay a fee to get a job abroad. ';
    const text = sentence.repeat(40).trim();
    const parts = splitText(text, 640);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(640);
      expect(part.endsWith('.')).toBe(true);
    }
    expect(squash(parts.join(' '))).toBe(squash(text));
  });

  it('splits a sentence without punctuation on spaces, and a giant word hard', () => {
    const words = 'việc làm '.repeat(200).trim();
    const parts = splitText(words, 100);
    parts.forEach((part) => expect(part.length).toBeLessThanOrEqual(100));
    expect(squash(parts.join(' '))).toBe(squash(words));
    expect(splitText('x'.repeat(250), 100)).toEqual(['x'.repeat(100), 'x'.repeat(100), 'x'.repeat(50)]);
  });

  it('refuses a maximum below 1', () => {
    expect(() => splitText('abc', 0)).toThrow(RangeError);
  });
});
