/**
 * The steps whose arrival the statistics count as a result, as the content declares them
 * (`stats:` of a dialog file, checked by `npm run validate`): the step of each risk level
 * found, and the result steps of a quiz (its score bands). The content can change without
 * touching code, and a renamed step is an error instead of a silent gap in the figures.
 */
import type { Content } from '../engine/types';
import type { Risk } from '../kernel/scan-result';

/** Result steps of the content, keyed `dialog|step`. */
export interface StatsSteps {
  /** `dialog|step` -> the risk level that reaching it reports. */
  riskSteps: ReadonlyMap<string, Risk>;
  /** `dialog|step` of every quiz result step (score band), in the order declared. */
  bandSteps: ReadonlySet<string>;
}

/** Reads the `stats:` declarations of every dialog of `content`. */
export function findStatsSteps(content: Content): StatsSteps {
  const riskSteps = new Map<string, Risk>();
  const bandSteps = new Set<string>();
  for (const dialog of Object.values(content.dialogs)) {
    for (const [level, step] of Object.entries(dialog.stats?.riskLevels ?? {}) as [Risk, string][]) riskSteps.set(`${dialog.id}|${step}`, level);
    for (const step of dialog.stats?.quizBands ?? []) bandSteps.add(`${dialog.id}|${step}`);
  }
  return { riskSteps, bandSteps };
}
