/**
 * The labelled sets (development and held-out sets) stay independent of the
 * training phrases and of each other: a row copied into training, or shared by two sets, would make
 * the measured accuracy say nothing about messages the recogniser has never seen.
 */
import { describe, expect, it } from 'vitest';
import { readLabelledRows } from '../../src/nlu/evaluate';
import { findCopies } from './labelled-set';

const SETS = ['test/nlu/dev.tsv', 'test/nlu/holdout.tsv', 'test/nlu/holdout2.tsv', 'test/nlu/holdout3.tsv', 'test/nlu/holdout4.tsv', 'test/nlu/holdout5.tsv', 'test/nlu/holdout6.tsv', 'test/nlu/holdout-situations.tsv', 'test/nlu/holdout7.tsv', 'test/nlu/holdout8.tsv', 'test/nlu/holdout9.tsv', 'test/nlu/holdout10.tsv', 'test/nlu/holdout11.tsv', 'test/nlu/holdout12.tsv', 'test/nlu/holdout13.tsv', 'test/nlu/holdout14.tsv', 'test/nlu/danger-dev.tsv', 'test/nlu/holdout15.tsv', 'test/nlu/holdout16.tsv', 'test/nlu/round16-dev.tsv', 'test/nlu/lookalikes16.tsv', 'test/nlu/holdout17.tsv', 'test/nlu/holdout18.tsv', 'test/nlu/holdout19.tsv', 'test/nlu/holdout20.tsv', 'test/nlu/holdout21.tsv', 'test/nlu/holdout22.tsv', 'test/nlu/holdout23.tsv', 'test/nlu/holdout24.tsv', 'test/nlu/holdout25.tsv', 'test/nlu/holdout26.tsv'] as const;

describe.each(SETS)('%s', (file) => {
  it('copies no training phrase and no row of the other sets, and repeats none of its own (after folding)', () => {
    const others = SETS.filter((f) => f !== file).flatMap((f) => readLabelledRows(f));
    expect(findCopies(file, readLabelledRows(file), others)).toEqual({ copied: [], repeated: [] });
  });
});
