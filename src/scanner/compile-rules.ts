/**
 * Turns checked rules into the regular expressions and tables the scanner runs with.
 * Done once, when the scanner is created.
 */
import { compilePay, type CompiledPay } from './parse-amounts';
import { listAllPhrases } from './phrase-regex';
import { PhraseSet } from './phrase-set';
import type { LangPhrases, MatcherRule, ScannerRules } from './rules-schema';
import { FLAG_IDS, type FlagId } from '../kernel/scan-result';

/** One flag, ready to run. */
export interface CompiledFlag {
  id: FlagId;
  matcher: PhraseSet | null;
  negatable: boolean;
  unless: PhraseSet | null;
  routes: PhraseSet | null;
}

/** Everything the scanner needs at scan time. */
export interface CompiledRules {
  flags: CompiledFlag[];
  negation: PhraseSet;
  negationWindow: number;
  pay: CompiledPay;
  notPayContext: PhraseSet;
  lowSkillJobs: PhraseSet;
  weights: Record<FlagId, number>;
  routeBonus: number;
  combos: Array<{ flags: FlagId[]; bonus: number }>;
  levels: { medium: number; high: number };
  /** A licensed, verifiable recruiter named in the ad, and the weights that then apply. */
  licensed: { matcher: PhraseSet; unlessFlags: FlagId[]; weights: Partial<Record<FlagId, number>> } | null;
  adCues: PhraseSet;
  minChars: number;
  minSignals: number;
}

/** Phrase set of a matcher rule (phrases of every language, and patterns), or null when empty. */
function compileMatcher(rule: MatcherRule | undefined): PhraseSet | null {
  if (!rule) return null;
  const set = new PhraseSet(listAllPhrases(rule.phrases), rule.patterns ?? []);
  return set.isEmpty ? null : set;
}

/** Phrase set of a per-language list (all languages). */
function compileList(list: LangPhrases): PhraseSet {
  return new PhraseSet(listAllPhrases(list));
}

/** The licensed-recruiter context (flags.yaml `licensed_recruiter`, risk.yaml `when_licensed`), if both are set. */
function compileLicensed(rules: ScannerRules): CompiledRules['licensed'] {
  const matcher = compileMatcher(rules.flags.licensed_recruiter);
  const when = rules.risk.when_licensed;
  if (!matcher || !when) return null;
  return { matcher, unlessFlags: when.unless_flags as FlagId[], weights: when.weights as Partial<Record<FlagId, number>> };
}

/** Compiles rules that passed validation. */
export function compileRules(rules: ScannerRules): CompiledRules {
  const flags = FLAG_IDS.map((id): CompiledFlag => {
    const rule = rules.flags.flags[id];
    return {
      id,
      matcher: compileMatcher(rule),
      negatable: rule?.negatable ?? false,
      unless: compileMatcher(rule?.unless),
      routes: compileMatcher(rule?.routes),
    };
  });
  const weights = Object.fromEntries(FLAG_IDS.map((id) => [id, rules.risk.weights[id] ?? 0])) as Record<FlagId, number>;
  return {
    flags,
    negation: compileList(rules.flags.negations),
    negationWindow: rules.flags.negation_window,
    pay: compilePay(rules.pay),
    notPayContext: compileList(rules.pay.not_pay_context),
    lowSkillJobs: compileList(rules.pay.low_skill_jobs),
    weights,
    routeBonus: rules.risk.route_bonus,
    combos: rules.risk.combos.map((c) => ({ flags: c.flags as FlagId[], bonus: c.bonus })),
    levels: rules.risk.levels,
    licensed: compileLicensed(rules),
    adCues: compileList(rules.adCues.cues),
    minChars: rules.adCues.min_chars,
    minSignals: rules.adCues.min_signals,
  };
}
