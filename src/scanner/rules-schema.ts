/**
 * Shape of the scanner rule files in `dialogs/scanner/` (zod schemas and their types).
 * The meaning of every field is documented at the top of each YAML file and in
 * docs/scanner-rules.md.
 */
import { z } from 'zod';

/** Words; a bare number in YAML (`0`) is read as text. */
const wordList = z.array(z.union([z.string().min(1), z.number().transform(String)]));

/** Plain-word phrases per language; `any` holds names that are the same in every language. */
export const langPhrasesSchema = z
  .object({ vi: wordList, fr: wordList, en: wordList, any: wordList.optional() })
  .strict();

/** Phrases (plain words, folded matching) and regular expressions (on folded text). */
export const matcherSchema = z
  .object({ phrases: langPhrasesSchema.optional(), patterns: z.array(z.string().min(1)).optional() })
  .strict();

export const flagRuleSchema = matcherSchema
  .extend({
    /** Ignore a hit when a negation word comes just before it ("không thu phí"). */
    negatable: z.boolean().optional(),
    /** The flag is dropped when one of these is found anywhere in the text. */
    unless: matcherSchema.optional(),
    /** destination only: routes and border crossings (count as a destination, add `route_bonus`). */
    routes: matcherSchema.optional(),
  })
  .strict();

export const flagsFileSchema = z
  .object({
    version: z.literal(1),
    negation_window: z.number().int().positive(),
    negations: langPhrasesSchema,
    flags: z.record(z.string(), flagRuleSchema),
    /** Words that show a licensed, verifiable recruiter (see risk.yaml `when_licensed`). */
    licensed_recruiter: matcherSchema.optional(),
  })
  .strict();

const thresholdTable = z.record(z.string(), z.number().positive());

export const payFileSchema = z
  .object({
    version: z.literal(1),
    currencies: z.record(
      z.string(),
      z.object({ usd: z.number().positive(), words: wordList.min(1) }).strict(),
    ),
    default_currency: z.object({ vi: z.string(), fr: z.string(), en: z.string() }).strict(),
    multipliers: z.array(
      z.object({ value: z.number().positive(), words: wordList.min(1), currency: z.string().optional() }).strict(),
    ),
    periods: z.record(z.string(), z.object({ per_month: z.number().positive(), words: wordList.min(1) }).strict()),
    yearly_when_above: z.number().positive(),
    fillers: wordList,
    connectors: wordList,
    not_pay_context: langPhrasesSchema,
    low_skill_jobs: langPhrasesSchema,
    /** Words that put a period before the amount: "mỗi ngày 500k", "ngày kiếm 1 triệu". */
    period_before: z.object({ connectors: wordList, verbs: wordList }).strict().optional(),
    thresholds: z
      .object({
        default: thresholdTable,
        low_skill: thresholdTable,
        /** Pay quoted per one of these periods is compared per that period, not per month. */
        per_period: z.record(z.string(), thresholdTable).optional(),
      })
      .strict(),
  })
  .strict();

export const riskFileSchema = z
  .object({
    version: z.literal(1),
    weights: z.record(z.string(), z.number().nonnegative()),
    route_bonus: z.number().nonnegative(),
    combos: z.array(z.object({ flags: z.array(z.string()).min(2), bonus: z.number() }).strict()),
    levels: z.object({ medium: z.number().positive(), high: z.number().positive() }).strict(),
    /** Weights used instead when the ad shows a licensed recruiter and none of `unless_flags`. */
    when_licensed: z
      .object({ unless_flags: z.array(z.string()), weights: z.record(z.string(), z.number().nonnegative()) })
      .strict()
      .optional(),
  })
  .strict();

export const adCuesFileSchema = z
  .object({
    version: z.literal(1),
    min_chars: z.number().int().positive(),
    min_signals: z.number().int().positive(),
    cues: langPhrasesSchema,
  })
  .strict();

export type LangPhrases = z.infer<typeof langPhrasesSchema>;
export type MatcherRule = z.infer<typeof matcherSchema>;
export type FlagRule = z.infer<typeof flagRuleSchema>;
export type FlagsFile = z.infer<typeof flagsFileSchema>;
export type PayFile = z.infer<typeof payFileSchema>;
export type RiskFile = z.infer<typeof riskFileSchema>;
export type AdCuesFile = z.infer<typeof adCuesFileSchema>;

/** The rule files, by file name, with their schemas. */
export const RULE_FILES = {
  'flags.yaml': flagsFileSchema,
  'pay.yaml': payFileSchema,
  'risk.yaml': riskFileSchema,
  'ad-cues.yaml': adCuesFileSchema,
} as const;
export type RuleFileName = keyof typeof RULE_FILES;

/** All rule files, parsed and checked. */
export interface ScannerRules {
  flags: FlagsFile;
  pay: PayFile;
  risk: RiskFile;
  adCues: AdCuesFile;
}
