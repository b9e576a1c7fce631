/**
 * Plausible statistics for the dashboard tests and the guide's screenshots: two weeks of
 * daily records (every language and per language), written the way the recorder writes
 * them. Deterministic (no randomness), so screenshots and assertions are stable.
 */
import { addToDay, nextDay } from '../../src/analytics/day-store';
import type { StateStore } from '../../src/storage/types';

const CHECK_STEPS = ['intro', 'questions', 'q_salary', 'q_experience', 'q_travel', 'q_visa', 'q_contract', 'q_chat', 'q_route', 'q_fees', 'q_secret', 'q_referral', 'result'];

/** Counters of day number `i` in language `lang` (scaled by `weight`). */
function countersOf(i: number, weight: number): Map<string, number> {
  const w = (n: number) => Math.round(n * weight * (1 + ((i * 7) % 5) / 10));
  const c = new Map<string, number>();
  const set = (name: string, n: number) => c.set(name, (c.get(name) ?? 0) + Math.max(0, n));
  set('started|menu', w(60));
  set('started|check-offer', w(30));
  set('completed|check-offer', w(18));
  CHECK_STEPS.forEach((step, k) => {
    set(`step|check-offer|${step}`, w(30 - k * 0.9));
    // Who answered a question went on to the next step; the rest stopped there.
    if (step.startsWith('q_') || step === 'intro') set(`choice|check-offer|${step}|${step === 'intro' ? 'questions' : 'no'}`, w(30 - (k + 1) * 0.9));
  });
  set('risk|check-offer|high', w(7));
  set('risk|check-offer|medium', w(6));
  set('risk|check-offer|low', w(4) + (i % 3));
  set('risk|offer-scan|high', w(3));
  set('started|quiz', w(14));
  set('completed|quiz', w(11));
  set('quiz_band|quiz|great', w(5));
  set('quiz_band|quiz|good', w(4));
  set('quiz_band|quiz|learn', w(2));
  set('turn', w(240));
  set('not_understood|check-offer|q_salary', w(8) - (i % 4));
  set('unknown_intent', w(10) - Math.floor(i / 2));
  set('step|handoff|requested_open', w(2));
  set('step|handoff|picked_up', w(1.5));
  set('step|handoff|wait_1_5m', w(1));
  set('step|handoff|wait_under_1m', w(0.5));
  set('step|handoff|abandoned', w(0.4));
  set('ab_exposed|menu-check-first|a', w(28));
  set('ab_exposed|menu-check-first|b', w(28));
  set('ab_converted|menu-check-first|a', w(6));
  set('ab_converted|menu-check-first|b', w(10));
  return c;
}

const WEIGHTS: Record<string, number> = { vi: 0.6, en: 0.25, fr: 0.15 };

/** Writes 14 days ending `lastDay` into `store`; returns the first day. */
export async function seedStats(store: StateStore, lastDay: string): Promise<string> {
  const first = dayMinus(lastDay, 13);
  let i = 0;
  for (let day = first; day <= lastDay; day = nextDay(day), i++) {
    const all = new Map<string, number>();
    for (const [lang, weight] of Object.entries(WEIGHTS)) {
      const counts = countersOf(i, weight);
      counts.set(`started_lang|${lang}`, [...counts].filter(([k]) => k.startsWith('started|')).reduce((t, [, n]) => t + n, 0));
      await addToDay(store, day, counts, { scope: { lang } });
      for (const [k, n] of counts) all.set(k, (all.get(k) ?? 0) + n);
    }
    await addToDay(store, day, all);
  }
  return first;
}

function dayMinus(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}
