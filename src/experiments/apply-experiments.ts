/**
 * The A/B step of a turn, pure: a conversation that is about to see an experiment's text
 * gets a variant once (sticky: kept in its state), every later turn shows the same one,
 * and the experiment's outcome is counted once per conversation after it saw the text.
 */
import type { EngineEvent, EngineOutput } from '../engine/types';
import { CONTROL_VARIANT, VARIANT_SEPARATOR, type Assignments, type Experiment, type ExperimentEvent } from './types';

/** Chooses a variant for a conversation that has none yet (default: uniformly at random). */
export type PickVariant = (experiment: Experiment) => string;

/** Uniform random choice among the variants. */
export const pickAtRandom: PickVariant = (experiment) =>
  experiment.variants[Math.floor(Math.random() * experiment.variants.length)] ?? CONTROL_VARIANT;

/** Always the original text: for test tools whose output must not change from run to run. */
export const pickControl: PickVariant = () => CONTROL_VARIANT;

/** Result of {@link applyExperiments}. */
export interface AppliedExperiments {
  outputs: EngineOutput[];
  /** The conversation's assignments after this turn (unchanged object when nothing changed). */
  assignments: Assignments;
  /** Exposures (first time a conversation sees an experiment's text) and outcomes of this turn. */
  events: ExperimentEvent[];
}

function isOutcome(experiment: Experiment, event: EngineEvent): boolean {
  const o = experiment.outcome;
  if (o.type === 'started') return event.type === 'dialog_started' && event.dialog === o.dialog;
  if (o.type === 'completed') return event.type === 'dialog_completed' && event.dialog === o.dialog;
  return event.type === 'step_reached' && event.dialog === o.dialog && event.step === o.step;
}

/**
 * Swaps experiment texts in `outputs` for the conversation's variant (assigning one with
 * `pick` on first sight) and counts exposures and outcomes.
 */
export function applyExperiments(
  experiments: readonly Experiment[],
  outputs: EngineOutput[],
  engineEvents: EngineEvent[],
  stored: Assignments | undefined,
  pick: PickVariant = pickAtRandom,
): AppliedExperiments {
  if (experiments.length === 0) return { outputs, assignments: stored ?? {}, events: [] };
  const byText = new Map(experiments.map((e) => [e.text, e]));
  const assignments: Assignments = { ...(stored ?? {}) };
  const events: ExperimentEvent[] = [];
  const variantOf = (key: string): string => {
    const experiment = byText.get(key);
    if (!experiment) return key;
    let assigned = assignments[experiment.id];
    if (!assigned || !experiment.variants.includes(assigned.variant)) {
      assigned = { variant: pick(experiment) };
      assignments[experiment.id] = assigned;
      events.push({ type: 'exposed', experiment: experiment.id, variant: assigned.variant });
    }
    return assigned.variant === CONTROL_VARIANT ? key : `${key}${VARIANT_SEPARATOR}${assigned.variant}`;
  };
  const swapped = outputs.map((o): EngineOutput => {
    if (o.type === 'say') return { ...o, key: variantOf(o.key) };
    if (o.type === 'choices') return { ...o, options: o.options.map((opt) => ({ ...opt, label: variantOf(opt.label) })) };
    return o;
  });
  for (const experiment of experiments) {
    const assigned = assignments[experiment.id];
    if (!assigned || assigned.converted || !engineEvents.some((e) => isOutcome(experiment, e))) continue;
    assignments[experiment.id] = { ...assigned, converted: true };
    events.push({ type: 'converted', experiment: experiment.id, variant: assigned.variant });
  }
  const changed = events.length > 0;
  return { outputs: swapped, assignments: changed ? assignments : stored ?? {}, events };
}
