/**
 * The bot's language tools, assembled from dialogs/: the recogniser (dialogs/intents,
 * dialogs/nlu) and the job-offer scanner (dialogs/scanner). They share one language guesser
 * (the recogniser's identifier, trained on the intent phrases) and one ad detector (the
 * scanner's, dialogs/scanner/ad-cues.yaml), so they never disagree about a message.
 */
import { join } from 'node:path';
import type { Scanner } from '../kernel/scan-result';
import {
  buildRecogniser,
  loadNluContent,
  loadTrainingPhrases,
  restoreLanguageIdentifier,
  restoreRecogniser,
  trainLanguageIdentifier,
  type NluContent,
  type RecogniserOptions,
  type RecogniserSnapshot,
} from '../nlu/create-recogniser';
import type { LanguageIdentifier } from '../nlu/language-id';
import type { Recogniser } from '../nlu/types';
import { buildScanner, createScanner } from '../scanner/create-scanner';
import type { ScannerRules } from '../scanner/rules-schema';

/** The recogniser and the scanner, built together. */
export interface LanguageTools {
  recogniser: Recogniser;
  scanner: Scanner;
}

/**
 * Builds the recogniser of `nlu` and the scanner of `rulesDir` (dialogs/scanner) together.
 * @throws Error listing `file:line:col` of every problem of the scanner rules.
 */
export function buildLanguageTools(nlu: NluContent, rulesDir: string, options: Partial<RecogniserOptions> = {}): LanguageTools {
  const languages = trainLanguageIdentifier(nlu.phrases);
  const scanner = createScanner(rulesDir, (text) => languages.guess(text));
  const recogniser = buildRecogniser(nlu, { languages, readsLikeAd: (text, lang) => scanner.scan(text, lang).looksLikeAd }, options);
  return { recogniser, scanner };
}

/**
 * The language tools of the runtime cache (src/script/runtime-cache.ts): the recogniser restored
 * from its snapshot on `nlu`, the scanner of the checked `scannerRules`; nothing is trained.
 */
export function restoreLanguageTools(nlu: NluContent, snapshot: RecogniserSnapshot, scannerRules: ScannerRules): LanguageTools {
  const languages = restoreLanguageIdentifier(snapshot);
  const scanner = buildScanner(scannerRules, (text) => languages.guess(text));
  const recogniser = restoreRecogniser(nlu, snapshot, { languages, readsLikeAd: (text, lang) => scanner.scan(text, lang).looksLikeAd });
  return { recogniser, scanner };
}

/**
 * The language tools of the project at `rootDir` (its dialogs/intents, dialogs/nlu and dialogs/scanner).
 * @throws Error listing `file:line:col` of every problem.
 */
export function loadLanguageTools(rootDir: string): LanguageTools {
  return buildLanguageTools(loadNluContent(join(rootDir, 'dialogs', 'intents')), join(rootDir, 'dialogs', 'scanner'));
}

/**
 * The recogniser trained on `intentsDir` (dialogs/intents), with dialogs/nlu and the scanner
 * rules of dialogs/scanner beside it.
 * @throws Error listing `file:line:col` of every problem.
 */
export function loadRecogniser(intentsDir: string, options: Partial<RecogniserOptions> = {}): Recogniser {
  return buildLanguageTools(loadNluContent(intentsDir), join(intentsDir, '..', 'scanner'), options).recogniser;
}

/**
 * The scanner of `rulesDir` (dialogs/scanner). Its language guesser is trained on the intent
 * phrases beside it (dialogs/intents) the first time an ad comes without its language.
 * @throws Error listing `file:line:col` of every problem of the rules.
 */
export function loadScanner(rulesDir: string): Scanner {
  let languages: LanguageIdentifier | undefined;
  return createScanner(rulesDir, (text) => {
    languages ??= trainLanguageIdentifier(loadTrainingPhrases(join(rulesDir, '..', 'intents')));
    return languages.guess(text);
  });
}
