/**
 * Floors on the held-out sets (history and blindness of each set: test/nlu/README.md), a little
 * under what the recogniser measured on them. Danger is never missed on any of them.
 */
import { describe, expect, it } from 'vitest';

import { evaluate, readLabelledRows } from '../../src/nlu/evaluate';
import { LANGS, type Lang } from '../../src/kernel/lang';
import { INTENTS, type Intent } from '../../src/kernel/intent';
import { EARLIER_INTENTS, findMissedDanger, findThinCells, SITUATION_INTENTS, unknownFloor } from './labelled-set';
import { loadRecogniser } from '../../src/script/load-language';

interface Floors {
  file: string;
  /** Fewest messages per intent per language. */
  perCell: number;
  overall: number;
  perLanguage: number;
  /** Lower of `unknown` precision and recall. */
  unknown?: number;
  /** Share of messages answered in the right language. */
  language?: number;
  /** Highest share of non-danger messages taken for danger (the safety question counts). */
  falseDanger?: number;
  /** Languages the set holds (default: all three). */
  langs?: readonly Lang[];
  /** Intents the set was written for (default: those before issue 12's situations). */
  intents?: readonly Intent[];
}

// Round 17: the danger model asks the safety question for some look-alikes (an offer in Cambodia
// checked before leaving, a survivor back home): false-danger floors of holdout13, 15, 20, 22, 23 and 24
// were loosened by one message each (test/nlu/README.md, round 17).
const SETS: Floors[] = [
  { file: 'test/nlu/holdout.tsv', perCell: 10, overall: 0.88, perLanguage: 0.88 },
  { file: 'test/nlu/holdout2.tsv', perCell: 12, overall: 0.92, perLanguage: 0.91, unknown: 0.85 },
  // 0.95 since talk_to_human joined (issue 14: 36 new rows, blind 95.9% overall); French 0.94 since the per-language models of round 9 (95.0%); see README.md.
  { file: 'test/nlu/holdout3.tsv', perCell: 12, overall: 0.95, perLanguage: 0.94, unknown: 0.87, language: 0.98 },
  { file: 'test/nlu/holdout4.tsv', perCell: 8, overall: 0.93, perLanguage: 0.91, unknown: 0.9, language: 0.98 },
  { file: 'test/nlu/holdout5.tsv', perCell: 4, overall: 0.96, perLanguage: 0.95, unknown: 0.85, language: 0.99, falseDanger: 0.02 },
  { file: 'test/nlu/holdout6.tsv', perCell: 1, overall: 0.93, perLanguage: 0.9, unknown: 0.72, language: 0.99, falseDanger: 0.02 },
  // Round 7: blind 95.8%; after two danger rules read from its misses and 6 rows relabelled to issue 12's intents: 96.2% (README.md).
  { file: 'test/nlu/holdout7.tsv', perCell: 3, overall: 0.95, perLanguage: 0.93, unknown: 0.87, language: 0.99, falseDanger: 0.02 },
  // Round 8: blind 84.1% (three independent writers); after its errors were read: 95.7% (README.md). Every menu row and every French greeting equalled a training phrase and was removed.
  { file: 'test/nlu/holdout8.tsv', perCell: 1, overall: 0.94, perLanguage: 0.93, unknown: 0.88, language: 0.99, falseDanger: 0.02, intents: INTENTS.filter((i) => i !== 'menu' && i !== 'greet') },
  // Round 9's selection set: blind 82.1% at the start of the round; only its summary figures guided the round, then its errors were read (README.md). Short cells (menu, greet, cancel...) lost most rows as copies.
  { file: 'test/nlu/holdout9.tsv', perCell: 1, overall: 0.93, perLanguage: 0.91, unknown: 0.83, language: 0.99, falseDanger: 0.02, intents: INTENTS.filter((i) => !['menu', 'greet', 'cancel'].includes(i)) },
  // Round 9's final blind set: vi and fr blind 93.9% (danger 62/63, false danger 4.0%), then their errors read: 95.8%; en added later and measured blind once, never read: 94.8%, danger 32/32 (README.md).
  { file: 'test/nlu/holdout10.tsv', perCell: 1, overall: 0.94, perLanguage: 0.93, unknown: 0.82, language: 0.98, falseDanger: 0.021, intents: INTENTS.filter((i) => !['menu', 'greet', 'cancel', 'goodbye', 'change_language'].includes(i)) },
  // Round 11's tuning set and round 12's (blind once each, then read; README.md).
  { file: 'test/nlu/holdout11.tsv', perCell: 1, overall: 0.97, perLanguage: 0.96, unknown: 0.9, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['menu', 'thanks', 'goodbye', 'cancel'].includes(i)) },
  { file: 'test/nlu/holdout12.tsv', perCell: 1, overall: 0.97, perLanguage: 0.96, unknown: 0.9, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['menu', 'thanks', 'goodbye', 'cancel', 'change_language', 'quiz'].includes(i)) },
  // Round 13's blind set (measured once on the round-12 model, then read; README.md).
  { file: 'test/nlu/holdout13.tsv', perCell: 1, overall: 0.97, perLanguage: 0.96, unknown: 0.9, language: 0.98, falseDanger: 0.015, intents: INTENTS.filter((i) => !['menu', 'thanks', 'goodbye', 'cancel', 'change_language', 'quiz', 'greet'].includes(i)) },
  // Round 14's blind set (measured once on d66aa97, then its danger misses and false alarms read; README.md).
  { file: 'test/nlu/holdout14.tsv', perCell: 1, overall: 0.95, perLanguage: 0.94, unknown: 0.88, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['menu', 'thanks', 'goodbye', 'cancel', 'change_language', 'quiz', 'greet', 'delete_data'].includes(i)) },
  // Round 15's blind set, French and English (the Vietnamese writers did not deliver in time): measured once on 67c29d7, then its errors read (README.md).
  { file: 'test/nlu/holdout15.tsv', perCell: 1, overall: 0.95, perLanguage: 0.94, unknown: 0.8, language: 0.98, falseDanger: 0.015, langs: ['fr', 'en'], intents: INTENTS.filter((i) => !['menu', 'thanks', 'goodbye', 'cancel', 'change_language', 'quiz', 'greet', 'delete_data', 'about'].includes(i)) },
  // Round 16's blind set (three new writers, a brief heavy in look-alikes): blind on commit 5a731f1 90.2%, false danger 7.6%; after reading it 95.1%, 0/158 (README.md).
  { file: 'test/nlu/holdout16.tsv', perCell: 1, overall: 0.94, perLanguage: 0.92, unknown: 0.75, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['greet', 'goodbye', 'thanks', 'menu', 'delete_data', 'quiz'].includes(i)) },
  // Round 16's second blind set (three more writers, same brief): blind on commit 41e1f8c 94.3%, danger 60/61, false danger 3.3%; after reading it 96.7%, 61/61, 0/151 (README.md).
  { file: 'test/nlu/holdout17.tsv', perCell: 1, overall: 0.95, perLanguage: 0.93, unknown: 0.8, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['greet', 'goodbye', 'thanks', 'cancel', 'menu', 'change_language'].includes(i)) },
  // Round 16's third blind set: blind on commit 6541e39 95.3%, danger 63/64, false danger 2.7%; after reading it 96.7%, 64/64, 0/148 (README.md).
  { file: 'test/nlu/holdout18.tsv', perCell: 1, overall: 0.95, perLanguage: 0.93, unknown: 0.75, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['greet', 'goodbye', 'thanks', 'cancel', 'menu', 'change_language', 'delete_data'].includes(i)) },
  // Round 16's fourth blind set: blind on commit f682df2 95.4%, danger 62/62, false danger 3.2%; after reading it 97.7%, 62/62, 0/157 (README.md).
  { file: 'test/nlu/holdout19.tsv', perCell: 1, overall: 0.96, perLanguage: 0.95, unknown: 0.8, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['greet', 'cancel', 'menu', 'delete_data', 'quiz'].includes(i)) },
  // Round 16's fifth blind set: blind on commit 5064c0b 93.3%, danger 63/63, false danger 2.1%; after reading it 94.7%, 63/63, 0/146 (README.md).
  { file: 'test/nlu/holdout20.tsv', perCell: 1, overall: 0.935, perLanguage: 0.91, unknown: 0.75, language: 0.98, falseDanger: 0.015, intents: INTENTS.filter((i) => !['greet', 'goodbye', 'thanks', 'cancel', 'menu', 'change_language', 'delete_data', 'quiz'].includes(i)) },
  // Round 16's sixth blind set: blind on commit 89622d9 94.4%, danger 63/65, false danger 1.4%; after reading it 95.8%, 65/65, 1/148 (README.md).
  { file: 'test/nlu/holdout21.tsv', perCell: 1, overall: 0.95, perLanguage: 0.93, unknown: 0.75, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['greet', 'goodbye', 'cancel', 'menu', 'change_language', 'delete_data'].includes(i)) },
  // Round 16's seventh blind set: blind on commit 8f84c87 93.8%, danger 61/62, false danger 2.7%; after reading it 95.7%, 62/62, 1/146 (README.md).
  { file: 'test/nlu/holdout22.tsv', perCell: 1, overall: 0.95, perLanguage: 0.93, unknown: 0.75, language: 0.98, falseDanger: 0.015, intents: INTENTS.filter((i) => !['greet', 'cancel', 'menu', 'change_language', 'delete_data', 'quiz'].includes(i)) },
  // Round 16's last blind set, measured once on the round's final model (e8333f3) and not read: 94.6%, danger 64/64, false danger 2/141 (README.md).
  { file: 'test/nlu/holdout23.tsv', perCell: 1, overall: 0.94, perLanguage: 0.93, unknown: 0.7, language: 0.98, falseDanger: 0.025, intents: INTENTS.filter((i) => !['greet', 'goodbye', 'thanks', 'cancel', 'menu', 'change_language', 'delete_data', 'quiz'].includes(i)) },
  // Round 16's ninth blind set, measured once on e7938b6 (the model holdout23 had just passed on): 94.3%, danger 63/64, false danger 2.8%; after reading it 96.7%, 64/64, 0/145 (README.md).
  { file: 'test/nlu/holdout24.tsv', perCell: 1, overall: 0.95, perLanguage: 0.92, unknown: 0.75, language: 0.98, falseDanger: 0.015, intents: INTENTS.filter((i) => !['greet', 'goodbye', 'thanks', 'cancel', 'menu', 'change_language', 'delete_data', 'quiz'].includes(i)) },
  // Round 16's tenth blind set, measured once on da5d812: 92.0%, danger 62/64, false danger 4.0%; after reading it 95.3%, 64/64, 1/149 (README.md).
  { file: 'test/nlu/holdout25.tsv', perCell: 1, overall: 0.945, perLanguage: 0.91, unknown: 0.75, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['greet', 'goodbye', 'thanks', 'cancel', 'menu', 'quiz', 'talk_to_human'].includes(i)) },
  // Round 16's eleventh and last blind set, measured once on 1f72735: 93.0%, danger 63/64, false danger 3.7%; after reading it 95.0%, 64/64, 2/136 (README.md).
  { file: 'test/nlu/holdout26.tsv', perCell: 1, overall: 0.94, perLanguage: 0.91, unknown: 0.7, language: 0.98, falseDanger: 0.02, intents: INTENTS.filter((i) => !['greet', 'goodbye', 'thanks', 'cancel', 'menu', 'change_language', 'about', 'delete_data', 'quiz', 'talk_to_human'].includes(i)) },
  // Round 17's blind set (vi Phú Thọ, fr Brazzaville/Rouen, en Karachi/Jakarta): vi and fr measured once on 2fc75aa, en on 26c6bc0 (91.6%, danger 59/59, false danger 4/155); after reading 93.5%, 59/59, 1/155 (README.md).
  { file: 'test/nlu/holdout28.tsv', perCell: 1, overall: 0.93, perLanguage: 0.91, unknown: 0.8, language: 0.98, falseDanger: 0.015, intents: INTENTS.filter((i) => !['cancel'].includes(i)) },
  // Round 17's other blind sets, the writers who delivered (vi Quảng Trị/Hưng Yên, fr Ouagadougou/Nantes; vi Đắk Lắk/Đồng Nai, fr Bujumbura/Namur): fr of holdout27 and vi of holdout29 measured once on 2fc75aa, fr of holdout29 on 08023ab, vi of holdout27 on 0735be7 (README.md).
  { file: 'test/nlu/holdout27.tsv', perCell: 1, overall: 0.95, perLanguage: 0.94, unknown: 0.75, language: 0.98, falseDanger: 0.01, langs: ['vi', 'fr'], intents: INTENTS.filter((i) => !['greet', 'goodbye', 'change_language', 'cancel', 'thanks', 'delete_data'].includes(i)) },
  { file: 'test/nlu/holdout29.tsv', perCell: 1, overall: 0.94, perLanguage: 0.92, unknown: 0.75, language: 0.98, falseDanger: 0.01, langs: ['vi', 'fr'], intents: INTENTS.filter((i) => !['thanks', 'cancel', 'goodbye'].includes(i)) },
  // Round 19's blind parts (eight writers, README.md): each measured once before reading, then read.
  { file: 'test/nlu/holdout30.tsv', perCell: 1, overall: 0.94, perLanguage: 0.93, unknown: 0.7, language: 0.98, falseDanger: 0.02, intents: INTENTS.filter((i) => !['greet', 'menu', 'cancel', 'about'].includes(i)) },
  { file: 'test/nlu/holdout31.tsv', perCell: 1, overall: 0.97, perLanguage: 0.94, unknown: 0.9, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['greet', 'menu', 'cancel'].includes(i)) },
  // holdout32 vi: the round's last part, measured once on its last model and never read.
  { file: 'test/nlu/holdout32.tsv', perCell: 1, overall: 0.95, perLanguage: 0.94, unknown: 0.9, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['menu', 'change_language', 'cancel', 'goodbye', 'about'].includes(i)) },
  { file: 'test/nlu/holdout34.tsv', perCell: 1, overall: 0.94, perLanguage: 0.94, unknown: 0.72, language: 0.98, falseDanger: 0.01, langs: ['vi'], intents: INTENTS.filter((i) => !['greet', 'menu', 'cancel', 'goodbye', 'thanks'].includes(i)) },
  { file: 'test/nlu/holdout33.tsv', perCell: 1, overall: 0.94, perLanguage: 0.94, unknown: 0.8, language: 0.98, falseDanger: 0.021, langs: ['vi'], intents: INTENTS.filter((i) => !['greet', 'cancel', 'goodbye', 'about'].includes(i)) },
  { file: 'test/nlu/holdout35.tsv', perCell: 1, overall: 0.94, perLanguage: 0.94, unknown: 0.8, language: 0.98, falseDanger: 0.031, langs: ['vi', 'fr'], intents: INTENTS.filter((i) => !['greet', 'menu', 'change_language', 'cancel', 'thanks', 'about'].includes(i)) },
  // Round 20's blind parts (nine writers, README.md): each measured once before reading, then read.
  { file: 'test/nlu/holdout36.tsv', perCell: 1, overall: 0.95, perLanguage: 0.94, unknown: 0.75, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['greet', 'menu', 'quiz', 'cancel', 'goodbye', 'thanks'].includes(i)) },
  { file: 'test/nlu/holdout37.tsv', perCell: 1, overall: 0.94, perLanguage: 0.91, unknown: 0.7, language: 0.98, falseDanger: 0.01, intents: INTENTS.filter((i) => !['menu', 'quiz', 'cancel', 'goodbye', 'delete_data', 'change_language'].includes(i)) },
  { file: 'test/nlu/holdout38.tsv', perCell: 1, overall: 0.95, perLanguage: 0.92, unknown: 0.7, language: 0.98, falseDanger: 0.015, intents: INTENTS.filter((i) => !['greet', 'menu', 'goodbye', 'thanks'].includes(i)) },
  { file: 'test/nlu/holdout39.tsv', perCell: 1, overall: 0.98, perLanguage: 0.98, unknown: 0.9, language: 0.98, falseDanger: 0.01, langs: ['vi'], intents: INTENTS.filter((i) => !['menu', 'cancel'].includes(i)) },
  // holdout40 vi: measured once on the round's last model (81570e5), then read.
  { file: 'test/nlu/holdout40.tsv', perCell: 1, overall: 0.96, perLanguage: 0.96, unknown: 0.8, language: 0.98, falseDanger: 0.01, langs: ['vi'], intents: INTENTS.filter((i) => !['menu', 'cancel'].includes(i)) },
  // Round 20's look-alike development set (vi, fr): non-danger messages written to trip the detector; tuned on (README.md).
  { file: 'test/nlu/lookalikes20.tsv', perCell: 1, overall: 0.75, perLanguage: 0.72, falseDanger: 0.04, langs: ['vi', 'fr'], intents: ['get_help', 'stories', 'safety_plan', 'already_paid', 'unknown', 'warning_signs', 'safe_migration'] },
  // Round 16's development sets: two writers' sets to the same brief and three danger-only sets (README.md); tuned on.
  { file: 'dialogs/nlu/danger-examples/round16-dev.tsv', perCell: 1, overall: 0.94, perLanguage: 0.93, language: 0.98, falseDanger: 0.015, intents: INTENTS.filter((i) => !['goodbye', 'thanks', 'cancel', 'menu', 'change_language', 'delete_data', 'quiz'].includes(i)) },
  // Round 16's review of the detector's patterns (vi, fr): look-alikes written to trip a pattern each, adversarial by design.
  // Floors guard against sliding back; most of its false alarms are still open (README.md).
  { file: 'dialogs/nlu/danger-examples/lookalikes16.tsv', perCell: 1, overall: 0.36, perLanguage: 0.3, falseDanger: 0.6, langs: ['vi', 'fr'], intents: ['danger', 'check_offer', 'warning_signs', 'safe_migration', 'safety_plan', 'already_paid', 'get_help', 'stories', 'unknown'] },
  // Round 15's development set of the danger detector: 150 danger messages per language from three native writers, as diverse as they could make them, and 50 look-alikes each; tuned on (README.md).
  { file: 'dialogs/nlu/danger-examples/danger-dev.tsv', perCell: 5, overall: 0.93, perLanguage: 0.92, language: 0.98, falseDanger: 0.021, intents: ['danger', 'warning_signs', 'stories', 'get_help', 'already_paid', 'unknown', 'safety_plan', 'talk_to_human'] },
  // Issue 12's situations only (README.md); tuned on.
  { file: 'test/nlu/holdout-situations.tsv', perCell: 8, overall: 0.89, perLanguage: 0.85, language: 0.98, intents: SITUATION_INTENTS },
];

const recogniser = loadRecogniser('dialogs/intents');

describe.each(SETS)('$file', (floors) => {
  const rows = readLabelledRows(floors.file);
  const report = evaluate(recogniser, rows);

  it(`has at least ${floors.perCell} messages per intent per language`, () => {
    expect(findThinCells(rows, floors.perCell, floors.intents ?? EARLIER_INTENTS, floors.langs)).toEqual([]);
  });

  it(`is at least ${floors.overall * 100}% accurate overall and ${floors.perLanguage * 100}% in each language`, () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(floors.overall);
    for (const lang of floors.langs ?? LANGS) expect(report.byLanguage[lang], lang).toBeGreaterThanOrEqual(floors.perLanguage);
  });

  it('never misses danger', () => {
    expect(findMissedDanger(report)).toEqual([]);
  });

  if (floors.unknown !== undefined) {
    it(`keeps unknown precision and recall at ${floors.unknown * 100}% or more`, () => {
      expect(unknownFloor(report)).toBeGreaterThanOrEqual(floors.unknown!);
    });
  }

  if (floors.falseDanger !== undefined) {
    it(`raises a false alarm on at most ${floors.falseDanger * 100}% of the other messages`, () => {
      const others = report.items.filter((it) => it.intent !== 'danger');
      expect(others.filter((it) => it.predictedIntent === 'danger').length / others.length).toBeLessThanOrEqual(floors.falseDanger!);
    });
  }

  if (floors.language !== undefined) {
    it(`answers in the right language at least ${floors.language * 100}% of the time`, () => {
      expect(report.languageAccuracy).toBeGreaterThanOrEqual(floors.language!);
    });
  }
});
