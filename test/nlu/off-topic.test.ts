/**
 * Regressions reported by the content engineers: nonsense, off-topic text, navigation words and
 * short answers came out as confident catalogue intents ("zzzz" -> quiz 1.00, "purple elephant"
 * -> danger 0.79, "next" -> goodbye, "oui" -> get_help). The engine acts on any intent scored
 * 0.5 or more, so each of these sent the user into an unrelated dialog.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_INTENT_SCORE } from '../../src/engine/route-input';

import type { Lang } from '../../src/kernel/lang';
import type { Recogniser } from '../../src/nlu/types';
import { loadRecogniser } from '../../src/script/load-language';

let nlu: Recogniser;
beforeAll(() => {
  nlu = loadRecogniser('dialogs/intents');
});

/** True when the engine would act on the recognition as a catalogue intent. */
function isActionable(text: string, lang: Lang): boolean {
  const r = nlu.recognise(text, lang);
  return r.intent !== 'unknown' && (r.score >= MIN_INTENT_SCORE || r.intent === 'danger');
}

describe('nonsense and other topics', () => {
  it.each([
    ['qqq zzz', 'en'], ['zzzz', 'en'], ['purple elephant', 'en'], ['la tarte aux pommes', 'fr'], ['blue banana sky', 'en'],
    ['xkcd qwerty', 'vi'], ['con mèo đen', 'vi'], ['i like purple elephants', 'en'], ['my favourite colour is blue', 'en'],
  ] as const)('"%s" is unknown', (text, lang) => {
    expect(nlu.recognise(text, lang).intent).toBe('unknown');
  });

  it('danger cues still win over unseen words, typos included: danger, or at least the safety question', () => {
    for (const [text, lang] of [['hlep me', 'en'], ['passprt', 'en'], ['urgent xyzzy', 'fr'], ['they took my pasport', 'en'], ['cuuu em voi', 'vi']] as const) {
      expect(nlu.recognise(text, lang).danger?.level, text).toMatch(/^(clear|possible)$/);
    }
    expect(nlu.recognise('they took my pasport', 'en').danger?.level).toBe('clear');
  });

  it('typos of the bot topics are still understood', () => {
    expect(nlu.recognise('thankss', 'en').intent).toBe('thanks');
    expect(nlu.recognise('quizz', 'fr').intent).toBe('quiz');
  });
});

describe('navigation words and short answers', () => {
  it.each([
    ['next', 'en'], ['more', 'en'], ['tiếp theo', 'vi'], ['tiep', 'vi'], ['thêm', 'vi'], ['suivant', 'fr'],
    ['continuer', 'fr'], ['xem tiếp', 'vi'],
  ] as const)('"%s" starts no dialog', (text, lang) => {
    expect(isActionable(text, lang)).toBe(false);
  });

  it('a number alone is a choice typed by its number: no intent, never danger', () => {
    for (const [text, lang] of [['3', 'en'], ['3', 'vi'], ['12', 'fr'], ['7 8', 'en']] as const) {
      const r = nlu.recognise(text, lang);
      expect([r.intent, r.danger?.level], text).toEqual(['unknown', undefined]);
    }
  });

  it('"back" and "retour" ask for the menu, as the training phrases say', () => {
    expect(nlu.recognise('back', 'en').intent).toBe('menu');
    expect(nlu.recognise('retour', 'fr').intent).toBe('menu');
  });

  it.each([
    ['oui', 'fr', 'yes'], ['có', 'vi', 'yes'], ['co', 'vi', 'yes'], ['non', 'fr', 'no'], ['no', 'en', 'no'], ['ok', 'en', 'yes'],
  ] as const)('"%s" (%s) is the answer %s, not an intent', (text, lang, answer) => {
    const r = nlu.recognise(text, lang);
    expect(r.answer).toBe(answer);
    // "ok" may read as thanks; every other answer names no intent
    if (r.intent !== 'thanks' || text !== 'ok') expect(isActionable(text, lang)).toBe(false);
  });
});
