/**
 * Does a message read like a job ad or a recruiter's message (dialogs/scanner/ad-cues.yaml)?
 */
import type { CompiledRules } from './compile-rules';

/**
 * True when `original` is at least `min_chars` long and shows at least `min_signals`
 * signals: different cue phrases, one for an amount of pay, one per red flag.
 */
export function looksLikeAd(
  original: string,
  folded: string,
  flagCount: number,
  hasAmount: boolean,
  rules: CompiledRules,
): boolean {
  if (original.trim().length < rules.minChars) return false;
  let signals = flagCount + (hasAmount ? 1 : 0);
  if (signals >= rules.minSignals) return true;
  if (!rules.adCues) return false;
  const cues = new Set<string>();
  rules.adCues.lastIndex = 0;
  for (let m = rules.adCues.exec(folded); m !== null; m = rules.adCues.exec(folded)) {
    cues.add(m[0]);
    if (signals + cues.size >= rules.minSignals) return true;
  }
  signals += cues.size;
  return signals >= rules.minSignals;
}
