/**
 * Floors of issue 4 on the real development set, with the real training files.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { evaluate, readLabelledRows, type EvalReport, type LabelledRow } from '../../src/nlu/evaluate';
import { LANGS } from '../../src/kernel/lang';
import { EARLIER_INTENTS, findCopies, findMissedDanger, findThinCells, unknownFloor } from './labelled-set';
import { loadRecogniser } from '../../src/script/load-language';

const DEV = 'test/nlu/dev.tsv';
let rows: LabelledRow[];
let report: EvalReport;
let strict: EvalReport;

beforeAll(() => {
  rows = readLabelledRows(DEV);
  const nlu = loadRecogniser('dialogs/intents');
  report = evaluate(nlu, rows);
  strict = evaluate(nlu, rows, 'other');
});

describe('the development set itself', () => {
  it('has at least 20 messages per intent per language', () => {
    expect(findThinCells(rows, 20, EARLIER_INTENTS)).toEqual([]);
  });

  it('copies no training phrase (compared after folding) and has no duplicates', () => {
    expect(findCopies(DEV, rows)).toEqual({ copied: [], repeated: [] });
  });
});

describe('recogniser on the development set', () => {
  it('is at least 95% accurate overall and 93% in each language', () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95);
    for (const lang of LANGS) expect(report.byLanguage[lang], lang).toBeGreaterThanOrEqual(0.93);
  });

  it('never misses danger', () => {
    expect(findMissedDanger(report)).toEqual([]);
  });

  it('keeps unknown precision and recall at 85% or more', () => {
    expect(unknownFloor(report)).toBeGreaterThanOrEqual(0.85);
  });

  it('replies in the right language at least 97% of the time and rarely switches wrongly', () => {
    expect(report.languageAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(report.languageConfident.accuracy).toBeGreaterThanOrEqual(0.99);
    expect(report.languageConfident.share).toBeGreaterThanOrEqual(0.9);
  });

  it('identifies the language from the text even when the user language is always wrong', () => {
    expect(strict.languageAccuracy).toBeGreaterThanOrEqual(0.93);
  });

  it('reports items in input order with finite scores', () => {
    expect(report.items.map((it) => it.text)).toEqual(rows.map((r) => r.text));
    for (const it of report.items) expect(Number.isFinite(it.score) && it.score >= 0 && it.score <= 1).toBe(true);
  });
});
