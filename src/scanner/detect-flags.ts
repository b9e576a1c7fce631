/**
 * Finds the red flags of an ad in its folded text: phrases and patterns of
 * dialogs/scanner/flags.yaml, and pay above the threshold of pay.yaml.
 */
import type { Lang } from '../kernel/lang';
import type { CompiledFlag, CompiledRules } from './compile-rules';
import { findAmounts, type Amount } from './parse-amounts';
import type { PhraseSet, Span, Token } from './phrase-set';
import type { FlagId } from '../kernel/scan-result';

/** A flag found, with its span in the folded text. */
export interface FoldedHit {
  id: FlagId;
  start: number;
  end: number;
}

/** What detection found: one hit per flag, plus facts the risk score needs. */
export interface Detection {
  hits: Map<FlagId, FoldedHit>;
  /** A destination of concern AND a route or border crossing were both named. */
  destinationWithRoute: boolean;
  amounts: Amount[];
}

const CLAUSE_END = /[,.;!?\n]/;

/** Start of the clause that holds `at`, looking back at most `width` characters. */
function clauseStart(folded: string, at: number, width: number): number {
  const limit = Math.max(0, at - width);
  for (let i = at - 1; i >= limit; i--) if (CLAUSE_END.test(folded[i] ?? '')) return i + 1;
  return limit;
}

/** True when `set` occurs in the clause just before `at` (at most `width` characters). */
function precededBy(set: PhraseSet, folded: string, tokens: readonly Token[], at: number, width: number): boolean {
  return set.occursIn(folded, tokens, clauseStart(folded, at, width), at);
}

/** First span of a flag's matcher that is not negated ("không thu phí"). */
function findFirstHit(flag: CompiledFlag, folded: string, tokens: readonly Token[], rules: CompiledRules): Span | undefined {
  if (!flag.matcher) return undefined;
  for (const span of flag.matcher.find(folded, tokens)) {
    if (flag.negatable && precededBy(rules.negation, folded, tokens, span[0], rules.negationWindow)) continue;
    return span;
  }
  return undefined;
}

/**
 * True when a low-skill job (pay.yaml low_skill_jobs) is named, no experience is asked,
 * or the job title is vague (nothing in the ad justifies a high salary).
 */
function isLowSkill(folded: string, tokens: readonly Token[], hits: Map<FlagId, FoldedHit>, rules: CompiledRules): boolean {
  return hits.has('no_experience') || hits.has('vague_job') || rules.lowSkillJobs.occursIn(folded, tokens, 0, folded.length);
}

/**
 * True when `a` is above its threshold: per its own period when pay.yaml has a
 * `per_period` table for it (hourly, daily, weekly pay), else per month by job type.
 */
function isAboveThreshold(a: Amount, lowSkill: boolean, rules: CompiledRules): boolean {
  const thresholds = rules.pay.file.thresholds;
  const perPeriod = thresholds.per_period?.[a.period];
  if (perPeriod) return a.usdPerPeriod > (perPeriod[a.currency] ?? perPeriod.other ?? Infinity);
  const table = lowSkill ? thresholds.low_skill : thresholds.default;
  return a.usdPerMonth > (table[a.currency] ?? table.other ?? Infinity);
}

/** First amount of pay above the threshold of its currency, period and job type. */
function findHighPay(folded: string, tokens: readonly Token[], amounts: Amount[], lowSkill: boolean, rules: CompiledRules): Amount | undefined {
  return amounts.find(
    (a) => isAboveThreshold(a, lowSkill, rules) && !precededBy(rules.notPayContext, folded, tokens, a.start, 30),
  );
}

/** Detects every flag in `folded` (the folded form of the ad). */
export function detectFlags(folded: string, tokens: readonly Token[], lang: Lang, rules: CompiledRules): Detection {
  const hits = new Map<FlagId, FoldedHit>();
  let destinationWithRoute = false;
  for (const flag of rules.flags) {
    let span = findFirstHit(flag, folded, tokens, rules);
    if (flag.routes) {
      const route = flag.routes.find(folded, tokens)[0];
      destinationWithRoute = span !== undefined && route !== undefined;
      span ??= route;
    }
    if (span && flag.unless?.occursIn(folded, tokens, 0, folded.length)) span = undefined;
    if (span) hits.set(flag.id, { id: flag.id, start: span[0], end: span[1] });
  }
  const amounts = findAmounts(folded, rules.pay, lang);
  const high = findHighPay(folded, tokens, amounts, isLowSkill(folded, tokens, hits, rules), rules);
  if (high) hits.set('high_pay', { id: 'high_pay', start: high.start, end: high.end });
  return { hits, destinationWithRoute, amounts };
}
