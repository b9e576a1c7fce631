/**
 * The intent models of round 7 (test/nlu/README.md): the logistic regression trains the same way
 * every time (a model trained at start-up must not change between restarts), and the ensemble's
 * fused table scores like the two models it is made of.
 */
import { describe, expect, it } from 'vitest';
import { loadNluContent } from '../../src/nlu/create-recogniser';
import { buildLanguageTools } from '../../src/script/load-language';

const content = loadNluContent('dialogs/intents');
const MESSAGES = [
  'co chi tuyen ban hang o campuchia luong cao ko can kinh nghiem',
  'je veux parler à quelqu’un de vrai',
  'they took my passport and i cant leave',
  'what is the weather tomorrow',
];

describe('intent models', () => {
  it('the logistic regression gives the same answers after every start-up', () => {
    const a = buildLanguageTools(content, 'dialogs/scanner', { model: 'logistic' }).recogniser;
    const b = buildLanguageTools(content, 'dialogs/scanner', { model: 'logistic' }).recogniser;
    for (const m of MESSAGES) expect(b.recognise(m, 'en')).toEqual(a.recognise(m, 'en'));
  });

  it('an ensemble with no logistic share answers exactly as the naive Bayes', () => {
    const bayes = buildLanguageTools(content, 'dialogs/scanner', { model: 'bayes' }).recogniser;
    const ensemble = buildLanguageTools(content, 'dialogs/scanner', { model: 'ensemble', logisticShare: 0 }).recogniser;
    for (const m of MESSAGES) {
      const [x, y] = [bayes.recognise(m, 'en'), ensemble.recognise(m, 'en')];
      expect(y.intent).toBe(x.intent);
      expect(y.score).toBeCloseTo(x.score, 12);
    }
  });

  it('the ensemble still understands an offer, danger and an off-topic message', () => {
    const ensemble = buildLanguageTools(content, 'dialogs/scanner', { model: 'ensemble' }).recogniser;
    expect(ensemble.recognise(MESSAGES[0]!, 'vi').intent).toBe('check_offer');
    expect(ensemble.recognise(MESSAGES[2]!, 'en').intent).toBe('danger');
    expect(ensemble.recognise(MESSAGES[3]!, 'en').intent).toBe('unknown');
  });
});
