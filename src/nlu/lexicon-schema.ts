/**
 * Shape of `dialogs/nlu/lexicons.yaml`: short answers, button words, language names, places,
 * domain keywords and greeting words (see that file's header).
 */
import { z } from 'zod';

const entries = z.array(z.string().min(1, 'an entry cannot be empty'));

/** Schema of the lexicons file. */
export const LEXICONS_SCHEMA = z
  .object({
    version: z.literal(1),
    answers: z.object({ yes: entries, no: entries, unsure: entries }).strict(),
    answer_fillers: entries,
    navigation: entries,
    language_names: z.object({ vi: entries, fr: entries, en: entries }).strict(),
    places: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'a place id is lowercase letters, digits and _'), entries),
    domain_keywords: z.object({ vi: entries, fr: entries, en: entries }).strict(),
    greetings: z.object({ vi: entries, fr: entries, en: entries, neutral: entries }).strict(),
  })
  .strict();

/** The lexicons as written (all entries folded; places are regular-expression sources). */
export type Lexicons = z.infer<typeof LEXICONS_SCHEMA>;

/** Where the lexicons live inside the project. */
export const LEXICONS_FILE = 'dialogs/nlu/lexicons.yaml';
