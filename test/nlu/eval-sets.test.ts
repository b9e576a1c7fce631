/**
 * The labelled sets (development and held-out sets of test/nlu) and the danger model's examples
 * (dialogs/nlu/danger-examples) stay independent of the training phrases and of each other: a row
 * copied into training, or shared by two sets, would make the measured accuracy say nothing about
 * messages the recogniser has never seen.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabelledRows } from '../../src/nlu/evaluate';
import { DANGER_EXAMPLE_LABELS, DANGER_EXAMPLES_DIR } from '../../src/nlu/load-danger-examples';
import { findCopies } from './labelled-set';

const tsvIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort().map((f) => join(dir, f));
const SETS = [...tsvIn('test/nlu'), ...tsvIn(DANGER_EXAMPLES_DIR)];
const read = (file: string) => readLabelledRows(file, DANGER_EXAMPLE_LABELS);

it('covers every set and every file of danger examples', () => {
  expect(SETS.length).toBeGreaterThan(30);
  expect(SETS).toContain(join(DANGER_EXAMPLES_DIR, 'danger-dev.tsv'));
});

describe.each(SETS)('%s', (file) => {
  it('copies no training phrase and no row of the other sets, and repeats none of its own (after folding)', () => {
    const others = SETS.filter((f) => f !== file).flatMap(read);
    expect(findCopies(file, read(file), others)).toEqual({ copied: [], repeated: [] });
  });
});
