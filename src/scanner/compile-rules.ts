/**
 * Turns checked rules into the regular expressions and tables the scanner runs with.
 * Done once, when the scanner is created.
 */
import { LANGS, type Lang } from '../nlu/types';
import { compilePay, type CompiledPay } from './parse-amounts';
import { buildListMatcher, buildMatcher } from './phrase-regex';
import type { ScannerRules } from './rules-schema';
import { FLAG_IDS, type FlagId } from './types';

/** One flag, ready to run. */
export interface CompiledFlag {
  id: FlagId;
  matcher: RegExp | null;
  negatable: boolean;
  unless: RegExp | null;
  routes: RegExp | null;
}

/** Everything the scanner needs at scan time. */
export interface CompiledRules {
  flags: CompiledFlag[];
  negation: RegExp | null;
  negationWindow: number;
  pay: CompiledPay;
  notPayContext: RegExp | null;
  lowSkillJobs: RegExp | null;
  weights: Record<FlagId, number>;
  routeBonus: number;
  combos: Array<{ flags: FlagId[]; bonus: number }>;
  levels: { medium: number; high: number };
  adCues: RegExp | null;
  minChars: number;
  minSignals: number;
  vietnameseLetters: Set<string>;
  langWords: Array<{ lang: Lang; re: RegExp | null }>;
}

/** Compiles rules that passed validation. */
export function compileRules(rules: ScannerRules): CompiledRules {
  const flags = FLAG_IDS.map((id): CompiledFlag => {
    const rule = rules.flags.flags[id];
    return {
      id,
      matcher: buildMatcher(rule),
      negatable: rule?.negatable ?? false,
      unless: buildMatcher(rule?.unless),
      routes: buildMatcher(rule?.routes),
    };
  });
  const weights = Object.fromEntries(FLAG_IDS.map((id) => [id, rules.risk.weights[id] ?? 0])) as Record<FlagId, number>;
  return {
    flags,
    negation: buildListMatcher(rules.flags.negations),
    negationWindow: rules.flags.negation_window,
    pay: compilePay(rules.pay),
    notPayContext: buildListMatcher(rules.pay.not_pay_context),
    lowSkillJobs: buildListMatcher(rules.pay.low_skill_jobs),
    weights,
    routeBonus: rules.risk.route_bonus,
    combos: rules.risk.combos.map((c) => ({ flags: c.flags as FlagId[], bonus: c.bonus })),
    levels: rules.risk.levels,
    adCues: buildListMatcher(rules.adCues.cues),
    minChars: rules.adCues.min_chars,
    minSignals: rules.adCues.min_signals,
    vietnameseLetters: new Set([...rules.language.vietnamese_letters.normalize('NFC')]),
    langWords: LANGS.map((lang) => ({ lang, re: buildListMatcher(rules.language.words[lang]) })),
  };
}
