/**
 * Shapes of the YAML files in dialogs/ (docs/script-format.md), checked with zod.
 * Unknown fields are errors (a typo such as `nxt:` must not be silently ignored).
 * Cross-file rules (targets, intents, keys) live in the check-*.ts files.
 */
import { z } from 'zod';
import { LANGS } from '../kernel/lang';

const name = z.string().min(1);
const varValue = z.union([z.string(), z.number(), z.boolean()]);
const varMap = z.record(z.string(), varValue);

/** `text`, `{ key, when, join }` or `{ each: scan_flags, key, max, join }`. */
const sayItem = z.union([
  name,
  z.strictObject({
    key: name,
    when: name.optional(),
    each: z.literal('scan_flags').optional(),
    max: z.number().int().min(1).optional(),
    join: z.literal(true).optional(),
  }),
]);

const choice = z.strictObject({
  goto: name,
  score: z.number().optional(),
  add: z.record(z.string(), z.number()).optional(),
  set: varMap.optional(),
  intents: z.array(name).optional(),
  label: name.optional(),
  lang: z.enum(LANGS).optional(),
});

const otherwise = z.strictObject({
  say: z.array(sayItem).optional(),
  retry: z.number().int().min(0).optional(),
  goto: name.optional(),
});

const branchArm = z.union([z.strictObject({ when: name, goto: name }), z.strictObject({ otherwise: name })]);

const step = z.strictObject({
  say: z.array(sayItem).optional(),
  next: name.optional(),
  choices: z.record(z.string(), choice).optional(),
  otherwise: otherwise.optional(),
  branch: z.array(branchArm).min(1).optional(),
  end: z.literal(true).optional(),
  call: name.optional(),
  expect: z.literal('offer_text').optional(),
  effect: z.enum(['delete_data', 'handoff_request']).optional(),
  set: varMap.optional(),
});

/** `stats:` of a dialog: what reaching some of its steps means for the statistics. */
const dialogStats = z.strictObject({
  /** The step that reports each risk level found (the offer check, the scan report). */
  risk_levels: z.strictObject({ high: name.optional(), medium: name.optional(), low: name.optional() }).optional(),
  /** Result steps of a quiz, one per score band, best band first. */
  quiz_bands: z.array(name).min(1).optional(),
});

/** A file `dialogs/<id>.yaml`. */
export const dialogSchema = z.strictObject({
  version: z.literal(1),
  id: name,
  triggers: z.array(name).optional(),
  start: name,
  stats: dialogStats.optional(),
  steps: z.record(z.string(), step),
});

/** `dialogs/_global.yaml`. */
export const globalSchema = z.strictObject({
  version: z.literal(1),
  welcome: name,
  menu: name,
  fallback: name,
  on_stuck: name,
  on_offer_text: name,
  /** Dialog that asks the safety question when a message shows partial evidence of danger (optional). */
  on_possible_danger: name.optional(),
  content_changed: name,
  interruptions: z.array(z.strictObject({ intent: name, goto: name, resume: z.union([z.boolean(), z.literal('ask')]) })),
});

/** `dialogs/_variables.yaml`. */
export const variablesSchema = z.strictObject({
  version: z.literal(1),
  variables: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string()),
});

export type RawDialog = z.infer<typeof dialogSchema>;
export type RawStep = z.infer<typeof step>;
export type RawSayItem = z.infer<typeof sayItem>;
export type RawGlobal = z.infer<typeof globalSchema>;
export type RawVariables = z.infer<typeof variablesSchema>;
