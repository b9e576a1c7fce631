/**
 * Does a message read like a job ad or a recruiter's message (dialogs/scanner/ad-cues.yaml)?
 */
import type { CompiledRules } from './compile-rules';
import type { Token } from './phrase-set';

/** What the decision is based on. */
export interface AdSignals {
  original: string;
  folded: string;
  tokens: readonly Token[];
  flagCount: number;
  hasAmount: boolean;
}

/**
 * True when the text is at least `min_chars` long and shows at least `min_signals`
 * signals: different cue phrases, one for an amount of pay, one per red flag.
 */
export function looksLikeAd(s: AdSignals, rules: CompiledRules): boolean {
  if (s.original.trim().length < rules.minChars) return false;
  const signals = s.flagCount + (s.hasAmount ? 1 : 0);
  if (signals >= rules.minSignals) return true;
  const cues = new Set(rules.adCues.find(s.folded, s.tokens).map(([a, b]) => s.folded.slice(a, b)));
  return signals + cues.size >= rules.minSignals;
}
