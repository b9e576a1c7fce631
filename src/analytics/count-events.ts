/**
 * Turns the events of one turn (src/engine/types.ts) into counter deltas. Pure.
 * Only content ids pass: anything that does not look like a dialog, step or choice id
 * is dropped, so text can never reach a record even if an event were mis-built.
 */
import type { EngineEvent } from '../engine/types';
import type { ExperimentEvent } from '../experiments/types';
import { LANGS } from '../kernel/lang';
import type { StatsSteps } from './stats-steps';
import type { Counts } from './types';

/** Shape of a content id (`check-offer`, `ask_fee`, `yes`). */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** Which steps report what, beyond the plain funnel counts (see findStatsSteps). */
export type CountOptions = Partial<StatsSteps>;

function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

function add(counts: Counts, parts: unknown[]): void {
  if (!parts.every(isId)) return;
  const name = parts.join('|');
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

/**
 * Counter deltas for the events of one turn in language `lang` (anything but vi/fr/en
 * counts as `other`). Adds into `into` when given.
 */
export function countEvents(events: EngineEvent[], lang: string, options: CountOptions = {}, into: Counts = new Map()): Counts {
  const language = (LANGS as readonly string[]).includes(lang) ? lang : 'other';
  for (const event of events) {
    switch (event.type) {
      case 'dialog_started':
        if (!isId(event.dialog)) break;
        add(into, ['started', event.dialog]);
        add(into, ['started_lang', language]);
        break;
      case 'step_reached': {
        add(into, ['step', event.dialog, event.step]);
        const at = `${event.dialog}|${event.step}`;
        const risk = options.riskSteps?.get(at);
        if (risk) add(into, ['risk', event.dialog, risk]);
        if (options.bandSteps?.has(at)) add(into, ['quiz_band', event.dialog, event.step]);
        break;
      }
      case 'choice_taken':
        add(into, ['choice', event.dialog, event.step, event.choice]);
        break;
      case 'not_understood':
        add(into, ['not_understood', event.dialog, event.step]);
        break;
      case 'unknown_intent':
        add(into, ['unknown_intent']);
        break;
      case 'dialog_completed':
        add(into, ['completed', event.dialog]);
        break;
      default:
        break;
    }
  }
  return into;
}

/**
 * Counter deltas of one turn beyond its engine events: the turn itself (the denominator of
 * the not-understood rate) and its A/B exposures and outcomes. Adds into `into`.
 */
export function countTurn(experiments: ExperimentEvent[], into: Counts = new Map()): Counts {
  add(into, ['turn']);
  for (const e of experiments) add(into, [e.type === 'exposed' ? 'ab_exposed' : 'ab_converted', e.experiment, e.variant]);
  return into;
}

/** Adds `from` into `into`. */
export function mergeCounts(into: Counts, from: Counts | Record<string, number>): Counts {
  const entries = from instanceof Map ? from.entries() : Object.entries(from);
  for (const [name, n] of entries) into.set(name, (into.get(name) ?? 0) + n);
  return into;
}
