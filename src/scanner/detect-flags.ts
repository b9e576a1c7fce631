/**
 * Finds the red flags of an ad in its folded text: phrases and patterns of
 * dialogs/scanner/flags.yaml, and pay above the threshold of pay.yaml.
 */
import type { Lang } from '../nlu/types';
import type { CompiledFlag, CompiledRules } from './compile-rules';
import { findAmounts, type Amount } from './parse-amounts';
import { findSpans } from './phrase-regex';
import type { FlagId } from './types';

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

const CLAUSE_END = /[,.;!?\n]/g;

/** The part of the clause just before `at`, at most `width` characters. */
function clauseBefore(folded: string, at: number, width: number): string {
  const window = folded.slice(Math.max(0, at - width), at);
  CLAUSE_END.lastIndex = 0;
  let cut = 0;
  for (let m = CLAUSE_END.exec(window); m !== null; m = CLAUSE_END.exec(window)) cut = m.index + 1;
  return window.slice(cut);
}

/** True when the clause before `at` holds a match of `re`. */
function precededBy(re: RegExp | null, folded: string, at: number, width: number): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(clauseBefore(folded, at, width));
}

/** First span of a flag's matcher that is not negated ("không thu phí"). */
function findFirstHit(flag: CompiledFlag, folded: string, rules: CompiledRules): [number, number] | undefined {
  if (!flag.matcher) return undefined;
  for (const span of findSpans(flag.matcher, folded)) {
    if (flag.negatable && precededBy(rules.negation, folded, span[0], rules.negationWindow)) continue;
    return span;
  }
  return undefined;
}

/** True when a low-skill or vague job is named, or no experience is asked. */
function isLowSkill(folded: string, hits: Map<FlagId, FoldedHit>, rules: CompiledRules): boolean {
  if (hits.has('vague_job') || hits.has('no_experience')) return true;
  if (!rules.lowSkillJobs) return false;
  rules.lowSkillJobs.lastIndex = 0;
  return rules.lowSkillJobs.test(folded);
}

/** First amount of pay above the threshold of its currency and job type. */
function findHighPay(folded: string, amounts: Amount[], lowSkill: boolean, rules: CompiledRules): Amount | undefined {
  const table = lowSkill ? rules.pay.file.thresholds.low_skill : rules.pay.file.thresholds.default;
  return amounts.find((a) => {
    const limit = table[a.currency] ?? table.other ?? Infinity;
    return a.usdPerMonth > limit && !precededBy(rules.notPayContext, folded, a.start, 30);
  });
}

/** Detects every flag in `folded` (the folded form of the ad). */
export function detectFlags(folded: string, lang: Lang, rules: CompiledRules): Detection {
  const hits = new Map<FlagId, FoldedHit>();
  let destinationWithRoute = false;
  for (const flag of rules.flags) {
    let span = findFirstHit(flag, folded, rules);
    if (flag.routes) {
      const route = findSpans(flag.routes, folded)[0];
      destinationWithRoute = span !== undefined && route !== undefined;
      span ??= route;
    }
    if (span && flag.unless) {
      flag.unless.lastIndex = 0;
      if (flag.unless.test(folded)) span = undefined;
    }
    if (span) hits.set(flag.id, { id: flag.id, start: span[0], end: span[1] });
  }
  const amounts = findAmounts(folded, rules.pay, lang);
  const high = findHighPay(folded, amounts, isLowSkill(folded, hits, rules), rules);
  if (high) hits.set('high_pay', { id: 'high_pay', start: high.start, end: high.end });
  return { hits, destinationWithRoute, amounts };
}
