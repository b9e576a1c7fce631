/**
 * Risk score of a scan, as documented in dialogs/scanner/risk.yaml.
 */
import type { CompiledRules } from './compile-rules';
import type { FlagId, Risk } from './types';

/**
 * Sum of the weights of the different flags found, plus the route bonus and the bonus
 * of every combo fully present.
 */
export function scoreFlags(found: ReadonlySet<FlagId>, destinationWithRoute: boolean, rules: CompiledRules): number {
  let score = 0;
  for (const id of found) score += rules.weights[id];
  if (destinationWithRoute) score += rules.routeBonus;
  for (const combo of rules.combos) if (combo.flags.every((id) => found.has(id))) score += combo.bonus;
  return score;
}

/** Risk level of a score: high, medium or low by the levels of risk.yaml. */
export function rateRisk(score: number, rules: CompiledRules): Risk {
  if (score >= rules.levels.high) return 'high';
  if (score >= rules.levels.medium) return 'medium';
  return 'low';
}
