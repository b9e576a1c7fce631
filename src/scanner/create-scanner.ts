/**
 * The job-offer scanner: reads a pasted job ad and reports its red flags, each with the
 * span of text that shows it, and a risk level. Rules live in dialogs/scanner/*.yaml. The
 * language of an ad, when not given, comes from the bot's one language guesser (passed in by
 * src/script/load-language.ts).
 */
import { formatDiagnostic } from '../kernel/diagnostic';
import type { GuessLanguage, Lang } from '../kernel/lang';
import { compileRules, type CompiledRules } from './compile-rules';
import { detectFlags } from './detect-flags';
import { foldWithOffsets, mapSpan } from './fold-map';
import { loadRules } from './load-rules';
import { looksLikeAd } from './looks-like-ad';
import { tokenize } from './phrase-set';
import { rateRisk, scoreFlags } from './score-risk';
import type { FlagHit, ScanResult, Scanner } from '../kernel/scan-result';
import type { ScannerRules } from './rules-schema';

/**
 * Reads and checks the rules of `rulesDir` (dialogs/scanner).
 * @throws Error listing every problem (`file:line:col  error  path: message`) when they are invalid.
 */
export function requireScannerRules(rulesDir: string): ScannerRules {
  const loaded = loadRules(rulesDir);
  if (!loaded.rules) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    throw new Error(`Scanner rules in ${rulesDir} are invalid; fix these and run npm run validate:\n${errors.join('\n')}`);
  }
  return loaded.rules;
}

/**
 * Loads the rules of `rulesDir` (dialogs/scanner) once and returns a scanner; `guessLanguage`
 * tells the language of an ad scanned without one.
 * Throws an error listing every problem (`file:line:col  error  path: message`) when
 * the rules are invalid; fix them and run `npm run validate`.
 */
export function createScanner(rulesDir: string, guessLanguage: GuessLanguage): Scanner {
  return buildScanner(requireScannerRules(rulesDir), guessLanguage);
}

/**
 * The scanner of rules already read and checked (a pure function of `checked`, so the rules may
 * be cached by a hash of the files). The rules are compiled at the first scan, and each phrase's
 * expression when first needed (phrase-set.ts): most turns scan nothing.
 */
export function buildScanner(checked: ScannerRules, guessLanguage: GuessLanguage): Scanner {
  let compiled: CompiledRules | undefined;
  return { minChars: checked.adCues.min_chars, scan };

  function scan(text: string, lang?: Lang): ScanResult {
    const rules = (compiled ??= compileRules(checked));
    const ft = foldWithOffsets(text);
    const tokens = tokenize(ft.folded);
    const language = lang ?? guessLanguage(text);
    const detection = detectFlags(ft.folded, tokens, language, rules);
    const found = new Set(detection.hits.keys());
    const licensed = rules.licensed?.matcher.occursIn(ft.folded, tokens, 0, ft.folded.length) ?? false;
    const risk = rateRisk(scoreFlags(found, detection.destinationWithRoute, rules, licensed), rules);
    const flags: FlagHit[] = [...detection.hits.values()]
      .map((h) => {
        const span = mapSpan(ft, h.start, h.end);
        return { id: h.id, evidence: text.slice(span.start, span.end), start: span.start, end: span.end };
      })
      .sort((a, b) => rules.weights[b.id] - rules.weights[a.id] || a.start - b.start);
    const ad = looksLikeAd(
      { original: text, folded: ft.folded, tokens, flagCount: flags.length, hasAmount: detection.amounts.length > 0 },
      rules,
    );
    return { lang: language, risk, flags, looksLikeAd: ad };
  }
}
