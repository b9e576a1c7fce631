import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analytics/build-report';
import { formatReport } from '../../src/analytics/format-report';
import { RECORD_KIND, type DailyRecord } from '../../src/analytics/types';

const day = (d: string, counts: Record<string, number>): DailyRecord => ({ kind: RECORD_KIND, version: 1, day: d, counts });

const records = [
  day('2031-03-01', {
    'started|check-offer': 30, 'started_lang|vi': 25, 'started_lang|fr': 3, 'started_lang|en': 2,
    'step|check-offer|intro': 30, 'step|check-offer|q_salary': 28,
    'choice|check-offer|q_salary|yes': 12, 'choice|check-offer|q_salary|no': 8, 'choice|check-offer|q_salary|unsure': 2,
    'step|check-offer|result': 22, 'step|check-offer|high': 9, 'risk|check-offer|high': 9, 'risk|check-offer|medium': 4,
    'not_understood|check-offer|q_salary': 7, unknown_intent: 11, 'quiz_band|quiz|great': 6,
  }),
  day('2031-03-02', { 'started|check-offer': 10, 'step|check-offer|intro': 10, 'step|check-offer|q_salary': 10, 'completed|check-offer': 2, 'started_lang|vi': 10 }),
];

describe('stats report', () => {
  const report = buildReport(records, {
    from: '2031-03-01', to: '2031-03-07', minCount: 5,
    stepOrder: { 'check-offer': ['intro', 'q_salary', 'result', 'high', 'medium', 'low'] },
  });

  it('adds days up and lists the funnel in the order of the dialog, with where people stop', () => {
    const funnel = report.dialogs.find((d) => d.dialog === 'check-offer')!;
    expect(funnel).toMatchObject({ started: 40, completed: '<5' });
    expect(funnel.steps.map((s) => [s.step, s.reached])).toEqual([
      ['intro', 40], ['q_salary', 38], ['result', 22], ['high', 9], ['medium', '<5'], ['low', '<5'],
    ]);
    expect(funnel.steps[1]).toMatchObject({ answered: 22, stopped: 16, notUnderstood: 7 });
    expect(funnel.steps[1]!.choices).toEqual([{ choice: 'yes', count: 12 }, { choice: 'no', count: 8 }, { choice: 'unsure', count: '<5' }]);
    expect(report.dropOuts).toEqual([{ dialog: 'check-offer', step: 'q_salary', stopped: 16 }]);
  });

  it('counts the people who stop at a question nobody answered, and lists it among the drop-outs', () => {
    const unanswered = buildReport([day('2031-03-01', { 'started|quiz': 9, 'step|quiz|q1': 9, 'step|quiz|q11': 7 })], {
      from: '2031-03-01', to: '2031-03-01', minCount: 5, stepOrder: { quiz: ['q1', 'q11'] }, questionSteps: { quiz: ['q1', 'q11'] },
    });
    const q11 = unanswered.dialogs[0]!.steps.find((s) => s.step === 'q11')!;
    expect(q11).toMatchObject({ reached: 7, answered: '<5', stopped: 7 });
    expect(unanswered.dropOuts).toEqual([{ dialog: 'quiz', step: 'q1', stopped: 9 }, { dialog: 'quiz', step: 'q11', stopped: 7 }]);
  });

  it('masks counts under the threshold in every split', () => {
    expect(report.languages).toEqual({ en: '<5', fr: '<5', vi: 35 });
    expect(report.risk).toEqual([{ dialog: 'check-offer', levels: { high: 9, medium: '<5', low: '<5' } }]);
    expect(report.quizBands).toEqual([{ dialog: 'quiz', bands: { great: 6 } }]);
    expect(report.fallbacks).toEqual([{ where: 'idle', count: 11 }, { where: 'check-offer/q_salary', count: 7 }]);
    const strict = buildReport(records, { from: '2031-03-01', to: '2031-03-07', minCount: 12 });
    expect(strict.fallbacks).toEqual([{ where: 'idle', count: '<12' }, { where: 'check-offer/q_salary', count: '<12' }]);
  });

  it('prints the same numbers as text', () => {
    const text = formatReport(report);
    expect(text).toContain('Counts under 5 are shown as <5');
    expect(text).toContain('Dialogs started per language: en <5   fr <5   vi 35');
    expect(text).toMatch(/q_salary\s+38\s+22\s+16\s+7/);
    expect(text).toMatch(/check-offer\/q_salary\s+16/);
  });
});
