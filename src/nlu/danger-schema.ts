/**
 * Shape of `dialogs/nlu/danger.yaml`, the content of the danger detector (see that file's header).
 */
import { z } from 'zod';

const patterns = z.array(z.string().min(1, 'a pattern cannot be empty'));
const perLanguage = z.object({ vi: patterns, fr: patterns, en: patterns }).strict();

/** Schema of the danger rules file. */
export const DANGER_RULES_SCHEMA = z
  .object({
    version: z.literal(1),
    held_places: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'a place id is lowercase letters, digits and _ (as in lexicons.yaml places)')).min(1),
    categories: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'a category id is lowercase letters, digits and _'), z.object({ clear: perLanguage }).strict()),
    cues: perLanguage,
    /** Bare pleas ("help me", "aidez moi", "giúp em với"): whole messages that ask for help and say nothing else. */
    pleas: perLanguage,
    not_danger: z
      .object({
        things: patterns,
        trapped_words: patterns,
        story_requests: patterns,
        askers: patterns,
        personal: patterns,
        returned: patterns,
        hypothetical: patterns,
        present: patterns,
        past: patterns,
        before_leaving: patterns,
        conditions: patterns,
        asks_if: patterns,
        jokes: patterns,
        idioms: patterns,
        other_scams: patterns,
        benign_tasks: patterns,
        help_cues: patterns,
      })
      .strict(),
  })
  .strict();

/** The danger rules as written (patterns are regular-expression sources over folded text). */
export type DangerRules = z.infer<typeof DANGER_RULES_SCHEMA>;

/** Where the danger rules live inside the project. */
export const DANGER_RULES_FILE = 'dialogs/nlu/danger.yaml';
