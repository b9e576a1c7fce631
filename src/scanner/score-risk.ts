/**
 * Risk score of a scan, as documented in dialogs/scanner/risk.yaml.
 */
import type { CompiledRules } from './compile-rules';
import type { FlagId, Risk } from '../kernel/scan-result';

/**
 * Sum of the weights of the different flags found, plus the route bonus and the bonus
 * of every combo fully present. `licensed`: the ad names a licensed recruiter (risk.yaml
 * `when_licensed`).
 */
export function scoreFlags(found: ReadonlySet<FlagId>, destinationWithRoute: boolean, rules: CompiledRules, licensed = false): number {
  const weights = licensed ? licensedWeights(found, rules) : rules.weights;
  let score = 0;
  for (const id of found) score += weights[id];
  if (destinationWithRoute) score += rules.routeBonus;
  for (const combo of rules.combos) if (combo.flags.every((id) => found.has(id))) score += combo.bonus;
  return score;
}

/**
 * Weights for an ad that names a licensed, verifiable recruiter: the `when_licensed` weights
 * (paid travel, a lawful service fee), unless a flag of `unless_flags` (a destination of
 * concern, a visitor's visa, secrecy, chat-only contact) shows the scam-compound pattern.
 */
function licensedWeights(found: ReadonlySet<FlagId>, rules: CompiledRules): Record<FlagId, number> {
  const ctx = rules.licensed;
  if (!ctx || ctx.unlessFlags.some((id) => found.has(id))) return rules.weights;
  return { ...rules.weights, ...ctx.weights };
}

/** Risk level of a score: high, medium or low by the levels of risk.yaml. */
export function rateRisk(score: number, rules: CompiledRules): Risk {
  if (score >= rules.levels.high) return 'high';
  if (score >= rules.levels.medium) return 'medium';
  return 'low';
}
