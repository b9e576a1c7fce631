import { describe, expect, it } from 'vitest';
import { formatKnown } from '../../src/kernel/known-list';

describe('formatKnown', () => {
  const steps = ['intro', ...Array.from({ length: 12 }, (_, i) => `q${i + 1}`), 'a11', 'finish'];

  it('lists short lists in their own order', () => {
    expect(formatKnown(['intro', 'ask_fee', 'ask_visa'], 12, 'ask_vis')).toBe('(known: intro, ask_fee, ask_visa)');
  });

  it('puts the closest names first when the list is cut, so the likely fix is shown', () => {
    const text = formatKnown(steps, 12, 'a1l');
    expect(text.startsWith('(known: a11,')).toBe(true);
    expect(text).toMatch(/… 3 more\)$/);
  });

  it('says when nothing is defined', () => {
    expect(formatKnown([], 12, 'x')).toBe('(none defined)');
  });
});
