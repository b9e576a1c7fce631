/**
 * The third held-out set (test/nlu/holdout3.tsv): longer messages with context, relatives writing
 * about someone else, indirect questions, Vietnamese mixed with English, heavy teencode, French SMS
 * spellings, English slang and realistic off-topic messages (jokes, homework, crypto, dating, phone
 * numbers, "?"). Written before the third round of training and rule changes and never used to tune
 * them. Measured at the start (92.3%) and at the end (94.6%) of that round; the one danger row the
 * end measurement missed was then read and its pattern (wanting to go home but made to pay) added
 * to the rules, so danger recall on this set is no longer a blind measurement (94.9% after that).
 * The fourth round read all its errors (in-scope messages answered `unknown`) and fixed their causes
 * (domain keywords, weaker `unknown` bias when one is present, training phrases for the phrasings,
 * no row copied): 97.1% after it, so this set no longer measures unseen messages; holdout4.tsv does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecogniser } from '../../src/nlu/create-recogniser';
import { evaluate, readLabelledRows, type EvalReport, type LabelledRow } from '../../src/nlu/evaluate';
import { LANGS } from '../../src/nlu/types';
import { findMissedDanger, findThinCells, unknownFloor } from './labelled-set';

/**
 * Floors a little under the figures measured after the fourth round (97.1% overall, 96.6% in French
 * and English, the lowest; after the third round: 94.9%, 93.8%, unknown precision 76.6%, recall 92.3%).
 */
const FLOOR_ALL = 0.96;
const FLOOR_LANG = 0.95;
/**
 * Raised from 74% after the fourth round, which read this set's errors (so it is no longer blind for
 * `unknown`): domain keywords count as known and weaken the `unknown` bias, and training phrases
 * cover the short phrasings that fell to `unknown`. Measured then: precision 94.6%, recall 89.7%.
 */
const FLOOR_UNKNOWN = 0.87;

const HOLDOUT3 = 'test/nlu/holdout3.tsv';
let rows: LabelledRow[];
let report: EvalReport;

beforeAll(() => {
  rows = readLabelledRows(HOLDOUT3);
  report = evaluate(createRecogniser('dialogs/intents'), rows);
});

describe('the third held-out set', () => {
  it('has at least 12 messages per intent per language', () => {
    expect(findThinCells(rows, 12)).toEqual([]);
  });

  it('is at least 96% accurate overall and 95% in each language', () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(FLOOR_ALL);
    for (const lang of LANGS) expect(report.byLanguage[lang], lang).toBeGreaterThanOrEqual(FLOOR_LANG);
  });

  it('never misses danger, relatives and SMS spellings included', () => {
    expect(findMissedDanger(report)).toEqual([]);
  });

  it('keeps unknown precision and recall at 87% or more', () => {
    expect(unknownFloor(report)).toBeGreaterThanOrEqual(FLOOR_UNKNOWN);
  });

  it('identifies the reply language of at least 98% of the messages', () => {
    expect(report.languageAccuracy).toBeGreaterThanOrEqual(0.98);
  });
});
