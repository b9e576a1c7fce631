/**
 * The held-out set (test/nlu/holdout.tsv): written after the off-topic change, never used to tune
 * the classifier or its training phrases. Its floors are lower than the development set's: it
 * measures how the recogniser does on phrasings nobody tuned for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecogniser } from '../../src/nlu/create-recogniser';
import { evaluate, readLabelledRows, type EvalReport, type LabelledRow } from '../../src/nlu/evaluate';
import { LANGS } from '../../src/nlu/types';
import { findCopies, findMissedDanger, findThinCells } from './labelled-set';

const HOLDOUT = 'test/nlu/holdout.tsv';
let rows: LabelledRow[];
let report: EvalReport;

beforeAll(() => {
  rows = readLabelledRows(HOLDOUT);
  report = evaluate(createRecogniser('dialogs/intents'), rows);
});

describe('the held-out set', () => {
  it('has at least 10 messages per intent per language, none copied from training or the development set', () => {
    expect(findThinCells(rows, 10)).toEqual([]);
    expect(findCopies(HOLDOUT, rows, readLabelledRows('test/nlu/dev.tsv'))).toEqual({ copied: [], repeated: [] });
  });

  it('is at least 88% accurate overall and in each language', () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(0.88);
    for (const lang of LANGS) expect(report.byLanguage[lang], lang).toBeGreaterThanOrEqual(0.88);
  });

  it('never misses danger', () => {
    expect(findMissedDanger(report)).toEqual([]);
  });
});
