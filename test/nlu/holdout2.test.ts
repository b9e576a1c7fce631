/**
 * The second held-out set (test/nlu/holdout2.tsv): written before the training phrases were
 * broadened and never used to tune them, the features or the thresholds (its errors were not read).
 * Measured once before (89.6%) and once after (94.2%) that work; the floors below guard what
 * unseen phrasings get, a little under the measured figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecogniser } from '../../src/nlu/create-recogniser';
import { evaluate, readLabelledRows, type EvalReport, type LabelledRow } from '../../src/nlu/evaluate';
import { LANGS } from '../../src/nlu/types';
import { findMissedDanger, findThinCells, unknownFloor } from './labelled-set';

const HOLDOUT2 = 'test/nlu/holdout2.tsv';
let rows: LabelledRow[];
let report: EvalReport;

beforeAll(() => {
  rows = readLabelledRows(HOLDOUT2);
  report = evaluate(createRecogniser('dialogs/intents'), rows);
});

describe('the second held-out set', () => {
  it('has at least 12 messages per intent per language', () => {
    expect(findThinCells(rows, 12)).toEqual([]);
  });

  it('is at least 92% accurate overall and 91% in each language', () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(0.92);
    for (const lang of LANGS) expect(report.byLanguage[lang], lang).toBeGreaterThanOrEqual(0.91);
  });

  it('never misses danger, relatives reporting someone trapped included', () => {
    expect(findMissedDanger(report)).toEqual([]);
  });

  it('keeps unknown precision and recall at 85% or more', () => {
    expect(unknownFloor(report)).toBeGreaterThanOrEqual(0.85);
  });
});
