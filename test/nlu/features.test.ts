/**
 * Intent words: spellings that mean the same give the same features, so a message typed one way is
 * understood like a training phrase typed the other way.
 */
import { describe, expect, it } from 'vitest';
import { intentTokens } from '../../src/nlu/features';
import { fold } from '../../src/kernel/normalise';

const words = (text: string): string[] => intentTokens(fold(text));

describe('intent words', () => {
  it('split contractions typed without their apostrophe like the spelled-out form', () => {
    expect(words('im bored')).toEqual(words("i'm bored"));
    expect(words('they dont let me go')).toEqual(words("they don't let me go"));
    expect(words('jai besoin d aide')).toEqual(words("j'ai besoin d'aide"));
  });

  it('read every Vietnamese first-person pronoun alike', () => {
    const forms = ['giúp tôi với', 'giúp em với', 'giup e voi', 'giup minh voi', 'giúp mk với', 'giup tui voi'].map(words);
    for (const f of forms) expect(f).toEqual(forms[0]);
  });

  it('drop politeness only', () => {
    expect(words('delete my data please')).toEqual(['delete', 'my', 'data']);
    expect(words('supprime mes données stp')).toEqual(['supprime', 'mes', 'donnees']);
  });
});
