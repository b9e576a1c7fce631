import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/types';
import { countEvents } from '../../src/analytics/count-events';
import { findStatsSteps } from '../../src/analytics/stats-steps';
import { loadContent } from '../../src/script/load-content';
import { ROOT } from '../tools/temp-locales';

describe('countEvents', () => {
  it('counts starts, steps, choices, completions, risk levels, languages and not-understood places', () => {
    const riskSteps = new Map([['check-offer|high', 'high'], ['offer-scan|medium_risk', 'medium']] as const);
    const events: EngineEvent[] = [
      { type: 'dialog_started', dialog: 'check-offer' },
      { type: 'step_reached', dialog: 'check-offer', step: 'q_fees' },
      { type: 'choice_taken', dialog: 'check-offer', step: 'q_fees', choice: 'yes', by: 'payload' },
      { type: 'step_reached', dialog: 'check-offer', step: 'high' },
      { type: 'step_reached', dialog: 'offer-scan', step: 'medium_risk' },
      { type: 'step_reached', dialog: 'stories', step: 'high' },
      { type: 'not_understood', dialog: 'check-offer', step: 'q_fees' },
      { type: 'unknown_intent' },
      { type: 'dialog_completed', dialog: 'thanks', vars: { score: 3 } },
    ];
    expect(Object.fromEntries(countEvents(events, 'vi', { riskSteps }))).toEqual({
      'started|check-offer': 1,
      'started_lang|vi': 1,
      'step|check-offer|q_fees': 1,
      'choice|check-offer|q_fees|yes': 1,
      'step|check-offer|high': 1,
      'risk|check-offer|high': 1,
      'step|offer-scan|medium_risk': 1,
      'risk|offer-scan|medium': 1,
      'step|stories|high': 1,
      'not_understood|check-offer|q_fees': 1,
      unknown_intent: 1,
      'completed|thanks': 1,
    });
  });

  it('drops anything that is not a content id, so text can never become a counter', () => {
    const leaked: EngineEvent[] = [
      { type: 'step_reached', dialog: 'check-offer', step: 'my name is Lan, 0912 345 678' },
      { type: 'choice_taken', dialog: 'check-offer', step: 'q_fees', choice: 'Tôi bị giữ hộ chiếu', by: 'label' },
      { type: 'dialog_started', dialog: 'a|b' },
    ];
    expect(countEvents(leaked, 'en').size).toBe(0);
    expect([...countEvents([{ type: 'dialog_started', dialog: 'menu' }], 'de-DE').keys()]).toContain('started_lang|other');
  });

  it('counts the risk levels and quiz bands the real dialogs declare (stats:), and nothing else', () => {
    const { content } = loadContent(ROOT);
    const { riskSteps, bandSteps } = findStatsSteps(content!);
    expect(Object.fromEntries(riskSteps)).toEqual({
      'check-offer|high': 'high', 'check-offer|medium': 'medium', 'check-offer|low': 'low',
      'offer-scan|high': 'high', 'offer-scan|medium': 'medium', 'offer-scan|low': 'low',
    });
    expect([...bandSteps]).toEqual(['quiz|great', 'quiz|good', 'quiz|learn']);
    const events: EngineEvent[] = [
      { type: 'step_reached', dialog: 'offer-scan', step: 'medium' },
      { type: 'step_reached', dialog: 'offer-scan', step: 'medium_more' },
      { type: 'step_reached', dialog: 'quiz', step: 'good' },
      { type: 'step_reached', dialog: 'quiz', step: 'finish' },
    ];
    const counts = countEvents(events, 'fr', { riskSteps, bandSteps });
    expect([...counts.keys()].filter((k) => /^(risk|quiz_band)\|/.test(k))).toEqual(['risk|offer-scan|medium', 'quiz_band|quiz|good']);
  });
});
