/**
 * The recogniser: normalisation, language identification, intent classification (log-space naive
 * Bayes on natural's tokenizer and n-grams), the danger rule layer, the job-ad rule (the scanner's ad
 * detector, given by the caller), entities and short answers. Trained at start-up from
 * `dialogs/intents/<lng>.yaml`; src/script/load-language.ts assembles it with the scanner.
 * Order of decision: danger rules, job ad, exact training phrase, short answer or navigation word
 * (`unknown`), off-topic words (`unknown`, or danger on a danger cue), then the classifier, whose
 * broad `unknown` class gets a prior bias on short messages (never at the expense of danger), weaker
 * when the message carries a domain keyword (vocabulary.ts; `domain_keywords` of dialogs/nlu/lexicons.yaml)
 * or names a place.
 */
import { join } from 'node:path';
import { formatDiagnostic } from '../kernel/diagnostic';
import { DangerDetector } from './danger-detector';
import { DangerModel, type DangerModelSnapshot } from './danger-model';
import { requireDangerExamples, type DangerExampleRow } from './load-danger-examples';
import type { DangerRules } from './danger-schema';
import { requireDangerRules } from './load-danger-rules';
import { EntityFinder } from './entities';
import type { Lexicons } from './lexicon-schema';
import { requireLexicons } from './load-lexicons';
import { extractFeatures, intentTokens } from './features';
import { FeatureBuffer } from './feature-buffer';
import { LanguageIdentifier } from './language-id';
import { loadIntentFiles } from './load-intents';
import { IntentModel, type IntentModelSnapshot } from './intent-model';
import type { LogBayesSnapshot } from './log-bayes';
import { fold, toNfc } from '../kernel/normalise';
import { Vocabulary, type VocabularySnapshot } from './vocabulary';
import { INTENTS, type Intent } from '../kernel/intent';
import { perLanguage, type Lang } from '../kernel/lang';
import type { ReadsLikeAd } from '../kernel/scan-result';
import type { Recognition, Recogniser } from './types';

/** Tunable constants of the classifier (defaults chosen on test/nlu/dev.tsv, holdout.tsv, the errors of holdout3.tsv (fourth round) and fresh messages outside every eval file; holdout2.tsv and holdout4.tsv are never used to tune). */
export interface RecogniserOptions {
  /** Below this probability the best intent is not trusted and the answer is `unknown`. */
  threshold: number;
  /** Additive smoothing of the naive Bayes model. */
  alpha: number;
  /** Sharpness of the softmax over length-normalised log likelihoods. */
  temperature: number;
  /** Weigh features by how well they tell intents apart (see LogBayesOptions.informative). */
  informative: boolean;
  /** Log-space prior bias of `unknown`, the broad out-of-scope class (see LogBayesOptions.bias). */
  unknownBias: number;
  /**
   * Messages of up to this many words get the whole `unknownBias`; longer ones a share (this / words).
   * Off-topic messages are mostly short; a long message about a job offer spreads its evidence over
   * several intents, and a fixed bias would hand it to `unknown`.
   */
  unknownBiasWords: number;
  /**
   * Share of the `unknown` bias left when the message carries a domain keyword (a word of one or two
   * intents and of no off-topic phrase, or a place named): "luong cao?", "visa?", "hotline" are short
   * but on topic, and the full bias would hand them to `unknown`.
   */
  keywordBiasShare: number;
  /**
   * Danger told by the classifier alone (no rule of dialogs/nlu/danger.yaml matched) is acted on
   * directly from this probability; below it, the bot asks the safety question.
   */
  dangerSure: number;
  /** A message whose probability of danger reaches this share, though another intent ranks first, gets the safety question. */
  dangerAsk: number;
  /**
   * Intent model: the naive Bayes alone, the logistic regression alone, or both with their
   * probabilities mixed (`logisticShare` of the logistic model's).
   */
  model: 'bayes' | 'logistic' | 'ensemble';
  /** Share of the logistic model in the ensemble's probabilities. */
  logisticShare: number;
  /** Messages of at least this many words that read like a job ad are `check_offer` (a pasted ad). */
  adMinWords: number;
  /**
   * A message nothing else reads as danger gets the safety question when the danger model
   * (danger-model.ts) gives danger at least this probability (above 1: never).
   */
  dangerModelAsk: number;
  /**
   * The danger model is read only when the intent classifier gives danger at least this
   * probability (a message without any trace of danger costs no second pass).
   */
  dangerModelFrom: number;
  /**
   * Nor is it read for an offer the intent classifier is this sure of (`check_offer`): a job in
   * Cambodia checked before leaving reads much like the start of a danger story.
   */
  dangerModelOfferSure: number;
}

/**
 * Confidence reported for `unknown` when the message is a short answer, a navigation word or off
 * the bot's topics: sure enough that no catalogue intent is meant.
 */
export const OFF_TOPIC_SCORE = 0.9;

/** Default options. */
export const DEFAULT_OPTIONS: RecogniserOptions = { threshold: 0.4, alpha: 0.02, temperature: 6, informative: true, unknownBias: 3, unknownBiasWords: 6, keywordBiasShare: 0.5, dangerSure: 0.7, dangerAsk: 0.1, model: 'bayes', logisticShare: 0.3, adMinWords: 30, dangerModelAsk: 0.8, dangerModelFrom: 1e-4, dangerModelOfferSure: 0.95 };

/** Training examples of the intent classifier, one per phrase. */
export interface TrainingPhrase {
  lang: Lang;
  intent: Intent;
  text: string;
}

/**
 * Loads the training phrases; throws, listing every problem, if a file is missing or malformed.
 * Warnings (few examples) do not block.
 */
export function loadTrainingPhrases(intentsDir: string): TrainingPhrase[] {
  const files = loadIntentFiles(intentsDir);
  const errors = files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error'));
  if (errors.length > 0) {
    throw new Error(`Cannot train the recogniser from ${intentsDir}:\n${errors.map(formatDiagnostic).join('\n')}\nFix these lines (npm run validate lists all problems).`);
  }
  const known = new Set<string>(INTENTS);
  const out: TrainingPhrase[] = [];
  for (const f of files) {
    for (const p of f.phrases) {
      if (!known.has(p.intent)) {
        throw new Error(`${f.file}:${p.line}:${p.col}: unknown intent '${p.intent}' (known: ${INTENTS.join(', ')})`);
      }
      out.push({ lang: f.lang, intent: p.intent as Intent, text: toNfc(p.text) });
    }
  }
  return out;
}

/**
 * Training phrases by their intent words: a message that is exactly a phrase of the training files
 * gets that phrase's intent, as campaign managers expect. Phrases listed under two intents are left out.
 */
function indexExactPhrases(phrases: readonly { intent: Intent; folded: string }[]): Map<string, Intent> {
  const index = new Map<string, Intent | null>();
  for (const p of phrases) {
    const key = intentTokens(p.folded).join(' ');
    const seen = index.get(key);
    index.set(key, seen === undefined || seen === p.intent ? p.intent : null);
  }
  return new Map([...index].filter((e): e is [string, Intent] => e[1] !== null));
}

/** Everything the recogniser is built from: the content of `dialogs/intents/` and `dialogs/nlu/`. */
export interface NluContent {
  phrases: readonly TrainingPhrase[];
  danger: DangerRules;
  lexicons: Lexicons;
  /** Examples of the danger model beyond the intent phrases (dialogs/nlu/danger-examples/). */
  dangerExamples: readonly DangerExampleRow[];
}

/**
 * Loads the recogniser's content: training phrases of `intentsDir`, the danger rules and the
 * lexicons of `<intentsDir>/../nlu/` (danger.yaml, lexicons.yaml).
 * @throws Error listing file:line:col of every problem.
 */
export function loadNluContent(intentsDir: string): NluContent {
  const dialogsDir = join(intentsDir, '..');
  const rootDir = join(dialogsDir, '..');
  return {
    phrases: loadTrainingPhrases(intentsDir),
    danger: requireDangerRules(rootDir, join(dialogsDir, 'nlu', 'danger.yaml')),
    lexicons: requireLexicons(rootDir, join(dialogsDir, 'nlu', 'lexicons.yaml')),
    dangerExamples: requireDangerExamples(rootDir),
  };
}

/** What the recogniser shares with the scanner, so both agree on a text. */
export interface RecogniserParts {
  /** The scanner's ad detector: a long message it reads as a job ad is a pasted ad (`check_offer`). */
  readsLikeAd: ReadsLikeAd;
  /** Language identifier trained on `content.phrases` (the scanner's guesser too); trained here when absent. */
  languages?: LanguageIdentifier;
}

/** Trains the language identifier on the training phrases (it tells vi, fr and en apart). */
export function trainLanguageIdentifier(phrases: readonly TrainingPhrase[]): LanguageIdentifier {
  return new LanguageIdentifier(phrases.map((p) => ({ ...p, folded: fold(p.text) })));
}

/**
 * A trained recogniser as plain data, for the runtime cache (src/script/runtime-cache.ts): the
 * options it was trained with, the language and intent models, the exact-phrase index and the
 * vocabulary. With the same {@link NluContent}, {@link restoreRecogniser} gives back a recogniser
 * that answers exactly as the one {@link buildRecogniser} trains.
 */
export interface RecogniserSnapshot {
  options: RecogniserOptions;
  languages: LogBayesSnapshot;
  /** One intent model per language. */
  models: Record<Lang, IntentModelSnapshot>;
  exact: [string, Intent][];
  vocabulary: VocabularySnapshot;
  dangerModel: DangerModelSnapshot;
}

/** The trained parts of a recogniser. */
interface TrainedParts {
  languages: LanguageIdentifier;
  /** One intent model per language: phrases of one language never shift another's. */
  models: Record<Lang, IntentModel<Intent>>;
  exact: Map<string, Intent>;
  vocabulary: Vocabulary;
  dangerModel: DangerModel;
}

/** Bayes options of the intent model. */
function bayesOptions(o: RecogniserOptions) {
  return { alpha: o.alpha, temperature: o.temperature, informative: o.informative, bias: { unknown: o.unknownBias } };
}

/** Trains the parts of a recogniser on the training phrases and domain keywords (the costly step, a few hundred ms); `languages` when already trained. */
function train(content: NluContent, o: RecogniserOptions, languages?: LanguageIdentifier): TrainedParts {
  const folded = content.phrases.map((p) => ({ ...p, folded: fold(p.text) }));
  const examples = folded.map((p) => ({ label: p.intent, bag: extractFeatures(p.folded) }));
  const examplesOfDanger = content.dangerExamples.map((r) => ({ ...r, bag: extractFeatures(fold(toNfc(r.text))) }));
  const dangerExamples = [
    ...examples.map((e) => ({ danger: e.label === 'danger', bag: e.bag })),
    ...examplesOfDanger.map((e) => ({ danger: e.intent === 'danger', bag: e.bag })),
  ];
  // The danger examples' look-alikes labelled with their intent teach the intent classifier too
  // (a survivor asking for support is get_help); their danger rows do not, as they made it read
  // danger in more ordinary messages (test/nlu/README.md, round 17).
  const lookAlikes = examplesOfDanger.flatMap((e) => (e.intent === 'danger' || e.intent === 'not_danger' ? [] : [{ label: e.intent, bag: e.bag, lang: e.lang }]));
  return {
    languages: languages ?? new LanguageIdentifier(folded),
    models: perLanguage((lang) => new IntentModel(INTENTS, [...examples.filter((_, i) => folded[i]?.lang === lang), ...lookAlikes.filter((e) => e.lang === lang)], bayesOptions(o), o.model, o.logisticShare)),
    exact: indexExactPhrases(folded),
    vocabulary: new Vocabulary(folded.map((p) => ({ intent: p.intent, words: intentTokens(p.folded) })), ['unknown'], Object.values(content.lexicons.domain_keywords).flat()),
    dangerModel: new DangerModel(dangerExamples),
  };
}

/**
 * Builds a recogniser from its content already loaded: a pure function of `content`, `parts` and
 * `options`, so a trained model may be cached by a hash of the content (see {@link snapshotRecogniser}).
 */
export function buildRecogniser(content: NluContent, parts: RecogniserParts, options: Partial<RecogniserOptions> = {}): Recogniser {
  const o = { ...DEFAULT_OPTIONS, ...options };
  return assemble(content, o, train(content, o, parts.languages), parts.readsLikeAd);
}

/** Trains a recogniser on `content` and returns it as plain data (written to the runtime cache at build time). */
export function snapshotRecogniser(content: NluContent, options: Partial<RecogniserOptions> = {}): RecogniserSnapshot {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const parts = train(content, o);
  return { options: o, languages: parts.languages.snapshot(), models: perLanguage((lang) => parts.models[lang].snapshot()), exact: [...parts.exact], vocabulary: parts.vocabulary.snapshot(), dangerModel: parts.dangerModel.snapshot() };
}

/** The language identifier of a {@link RecogniserSnapshot} (shared with the scanner). */
export function restoreLanguageIdentifier(snapshot: RecogniserSnapshot): LanguageIdentifier {
  return new LanguageIdentifier(snapshot.languages);
}

/**
 * The recogniser of a {@link RecogniserSnapshot} taken on the same `content` (the danger rules and
 * lexicons are compiled here; the trained parts are restored, not trained again).
 */
export function restoreRecogniser(content: NluContent, snapshot: RecogniserSnapshot, parts: RecogniserParts): Recogniser {
  const o = snapshot.options;
  return assemble(content, o, {
    languages: parts.languages ?? restoreLanguageIdentifier(snapshot),
    models: perLanguage((lang) => new IntentModel(INTENTS, snapshot.models[lang], bayesOptions(o), o.model, o.logisticShare)),
    exact: new Map(snapshot.exact),
    vocabulary: new Vocabulary(snapshot.vocabulary),
    dangerModel: new DangerModel(snapshot.dangerModel),
  }, parts.readsLikeAd);
}

/** Most recognitions of catalogue words (training phrases, answers, button words) kept per recogniser. */
export const KNOWN_TEXT_MEMO_SIZE = 4096;

/** Freezes `value` and everything in it (a kept recognition is shared by every turn that reuses it). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The recogniser's decisions around its trained parts. */
function assemble(content: NluContent, o: RecogniserOptions, parts: TrainedParts, readsLikeAd: ReadsLikeAd): Recogniser {
  const danger = new DangerDetector(content.danger, content.lexicons.places);
  const lexicon = new EntityFinder(content.lexicons);
  const { threshold, unknownBias, unknownBiasWords, keywordBiasShare, dangerSure, dangerAsk, adMinWords, dangerModelAsk, dangerModelFrom, dangerModelOfferSure } = o;
  const { languages, models, exact, vocabulary, dangerModel } = parts;
  const features = new FeatureBuffer();

  // Messages that are a training phrase, an answer or a button word ("yes", "menu", "ko") are most
  // of a chat's traffic: their recognition is kept, keyed by the raw text. Only such catalogue
  // words are kept, never other text (it may be personal), and at most KNOWN_TEXT_MEMO_SIZE of them.
  const memo = new Map<string, Recognition>();
  const isCatalogueText = (r: Recognition): boolean => {
    const words = intentTokens(r.folded);
    return exact.has(words.join(' ')) || r.answer !== undefined || lexicon.isNavigation(words);
  };
  return {
    recognise(raw: string, userLang: Lang): Recognition {
      const id = `${userLang}\u0000${raw}`;
      const kept = memo.get(id);
      if (kept) return kept;
      const decided = decide(raw, userLang);
      // Danger from a training phrase or the classifier is clear danger too (no category named).
      const r = decided.intent === 'danger' && !decided.danger ? { ...decided, danger: { level: 'clear' as const, categories: [] } } : decided;
      if (memo.size < KNOWN_TEXT_MEMO_SIZE && isCatalogueText(r)) memo.set(id, deepFreeze(r));
      return r;
    },
  };

  function decide(raw: string, userLang: Lang): Recognition {
    const text = toNfc(raw);
    const f = fold(text);
    const words = intentTokens(f);
    // A language is only told from real words: nonsense ("qqq zzz", "asdf") keeps the user's language.
    const counts = vocabulary.countWords(words);
    const guess = languages.identify(text, f, counts.content + counts.functional > 0);
    const lang = guess.confident ? guess.lang : userLang;
    const entities = lexicon.findEntities(f);
    const answer = lexicon.findAnswer(f);
    const greetingLang = lexicon.findGreetingLanguage(f);
    const base = { text, folded: f, lang, langConfident: guess.confident, ...(greetingLang ? { greetingLang } : {}), entities, ...(answer ? { answer } : {}) };
    if (f === '') return { ...base, intent: 'unknown', score: 0 };

    // A place named or a domain keyword ("luong", "visa", "arnaque", "hotline") puts a short message on topic.
    const places = entities.places.length;
    const keywords = vocabulary.countKeywords(words) + places;
    const biasScale = Math.min(1, unknownBiasWords / Math.max(words.length, 1)) * (keywords > 0 ? keywordBiasShare : 1);
    const classify = (ws: readonly string[]) => models[lang].classify(features.fill(ws).replay, biasScale).ranked;
    let ranked = classify(words);
    // Danger read in everyday phrases ("tapé dans l'œil", "vous êtes retenu"): read again without them.
    // (Also when danger only beats `unknown` once the prior bias of `unknown` is undone, see below.)
    const dangerProb = ranked.find((r) => r.label === 'danger')?.prob ?? 0;
    const first = ranked[0];
    if (first?.label === 'danger' || dangerProb >= dangerAsk || (first?.label === 'unknown' && dangerProb * Math.exp(unknownBias * biasScale) >= first.prob)) {
      const plainWords = intentTokens(danger.withoutIdioms(f));
      if (plainWords.length > 0 && plainWords.length < words.length) {
        ranked = classify(plainWords);
      }
    }
    const top = ranked[0] ?? { label: 'unknown' as Intent, prob: 0 };
    const probOf = (intent: Intent): number => ranked.find((r) => r.label === intent)?.prob ?? 0;
    const categories = danger.clearCategories(f, text);
    if (categories.length > 0) return { ...base, intent: 'danger', score: Math.max(probOf('danger'), 0.99), danger: { level: 'clear', categories } };
    // Back home, a plan before leaving, a joke, money lost in another scam, a request for stories: no report, so no safety question either.
    // Read only when some danger is in question (most messages never need it).
    const framed = (): boolean => danger.isPastOrImagined(f, text) || danger.isOtherScam(f) || danger.isStoryRequest(f);
    // Partial evidence: the safety question is asked; `intent` is what a "no" goes on with.
    const possible = (intent: Intent, score: number): Recognition => (framed() ? { ...base, intent, score } : { ...base, intent, score, danger: { level: 'possible', categories: [] } });
    // Nothing else read danger: the danger model, trained on more wordings than the rules name, may still ask.
    // It reads the features the classifier last read: the message without its everyday phrases, if it had any.
    const modelReadsDanger = (intent: Intent, score: number): boolean =>
      dangerModelAsk <= 1 &&
      probOf('danger') >= dangerModelFrom &&
      !(intent === 'check_offer' && score >= dangerModelOfferSure) &&
      dangerModel.probability(features.replay) >= dangerModelAsk;
    const settle = (intent: Intent, score: number): Recognition => (modelReadsDanger(intent, score) ? possible(intent, score) : { ...base, intent, score });
    // A long message the classifier reads as danger, or as money already paid, is someone telling
    // their situation, not a pasted ad.
    if (words.length >= adMinWords && top.label !== 'danger' && top.label !== 'already_paid' && readsLikeAd(text, lang)) {
      // ...unless the classifier also reads some danger in it: then the safety question comes first.
      const offer = Math.max(probOf('check_offer'), 0.9);
      return probOf('danger') >= dangerAsk ? possible('check_offer', offer) : { ...base, intent: 'check_offer', score: offer };
    }
    const known = exact.get(words.join(' '));
    // A bare plea ("help me", "aidez moi svp") says nothing of where or why: ask the safety question; a "no" goes on to where help is.
    if (danger.isBarePlea(f)) return possible(known ?? 'get_help', Math.max(probOf(known ?? 'get_help'), 0.95));
    if (known) return { ...base, intent: known, score: Math.max(probOf(known), 0.95) };
    // Only numbers ("3", "10 2"): a choice typed by its number, never an intent (the engine matches it).
    if (words.every((w) => /^\d+$/.test(w))) return { ...base, intent: 'unknown', score: OFF_TOPIC_SCORE };
    // "oui", "next", "tiếp theo": answers and button words, left to the engine's choice matching.
    if (answer || lexicon.isNavigation(words)) return { ...base, intent: 'unknown', score: OFF_TOPIC_SCORE };
    // Nonsense and other topics: the classifier's guess rests on stray character n-grams.
    if (vocabulary.isOffTopic(words, places)) {
      return danger.hasCue(f) ? possible('unknown', OFF_TOPIC_SCORE) : settle('unknown', OFF_TOPIC_SCORE);
    }
    // The prior bias of `unknown` must never cost a danger message: danger the unbiased model
    // ranks above `unknown` gets the safety question.
    if (top.label === 'unknown' && probOf('danger') * Math.exp(unknownBias * biasScale) >= top.prob) return possible('unknown', top.prob);
    const trusted = top.prob >= threshold && top.label !== 'unknown';
    // A few words with a danger cue ("urgent", "j'ai peur", "passport"): ask rather than guess, however sure the
    // classifier is (two or three words are no evidence for its certainty).
    if (top.label !== 'danger' && words.length <= 3 && danger.hasCue(f)) return possible(trusted ? top.label : 'unknown', top.prob);
    // Danger is never `unknown`: an unsure guess of danger, or any danger cue, gets the safety question.
    if (!trusted && (top.label === 'danger' || danger.hasCue(f))) return possible('unknown', top.label === 'unknown' ? top.prob : 1 - top.prob);
    if (!trusted) return settle('unknown', top.label === 'unknown' ? top.prob : 1 - top.prob);
    // Danger told by the classifier alone: sure enough, it is danger; less sure, the safety question.
    if (top.label === 'danger') {
      const second = ranked[1] ?? { label: 'unknown' as Intent, prob: 0 };
      // Back home and no danger rule matched: what happened there is told to ask for support.
      // Its score is renormalised without danger.
      const rest = second.prob / Math.max(1 - top.prob, 1e-9);
      // A request for other people's stories: the stories dialog, whatever the classifier reads in it.
      if (danger.isStoryRequest(f)) return { ...base, intent: 'stories', score: Math.max(probOf('stories'), rest) };
      // Back home, or only imagined before leaving: what is told is support or advice, not a report (a joke is no report at all).
      if (framed()) return { ...base, intent: second.label, score: rest };
      if (top.prob >= dangerSure) return { ...base, intent: 'danger', score: top.prob, danger: { level: 'clear', categories: [] } };
      return possible(second.prob >= threshold ? second.label : 'unknown', second.prob);
    }
    // Some danger read behind another intent: the safety question, unless the message is about someone back home or a trip not yet made.
    if (probOf('danger') >= dangerAsk) return possible(top.label, top.prob);
    return settle(top.label, top.prob);
  }
}
