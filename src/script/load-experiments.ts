/**
 * Reads dialogs/_experiments.yaml and checks it against the content: the text exists and
 * has variants (`<key>@<id>` in locales/), every variant keeps the text's {{placeholders}}
 * and length limit, the outcome names a real dialog (and step), and no `@` variant exists
 * without its experiment. (A variant missing in one language is reported by the locale
 * rules, like any key.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Content } from '../engine/types';
import { LANGS } from '../kernel/lang';
import { COUNTER_PLACEHOLDERS, MAX_LABEL, MAX_MESSAGE } from './check-locales';
import { checkSchema } from './check-schema';
import type { Diagnostic } from '../kernel/diagnostic';
import { formatKnown } from '../kernel/known-list';
import { listLeafKeys, lookupPath, substituteVariables, variablesInText } from './locale-index';
import { makeDiagnostic } from '../kernel/diagnostic';
import { parseYamlSource, positionOf, type SourceFile } from '../kernel/source-file';
import { CONTROL_VARIANT, DEFAULT_MIN_SAMPLE, VARIANT_SEPARATOR, type Experiment, type Outcome } from '../experiments/types';

/** Where experiments are declared, relative to the project root. */
export const EXPERIMENTS_FILE = 'dialogs/_experiments.yaml';

const ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const experimentSchema = z.strictObject({
  text: z.string().regex(/^[a-z0-9_-]+:[A-Za-z0-9_.-]+$/, 'write the text as namespace:key, e.g. menu:intro.text'),
  outcome: z.union([
    z.strictObject({ started: z.string().min(1) }),
    z.strictObject({ completed: z.string().min(1) }),
    z.strictObject({ reached: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'write the step as dialog/step, e.g. check-offer/result') }),
  ]),
  min_sample: z.number().int().min(10).optional(),
});
const fileSchema = z.strictObject({ version: z.literal(1), experiments: z.record(z.string(), experimentSchema).nullable() });

/** `intro.text@b` -> `{ base: 'intro.text', variant: 'b' }`; null for a plain key. */
export function splitVariantKey(path: string): { base: string; variant: string } | null {
  const at = path.lastIndexOf(VARIANT_SEPARATOR);
  return at > 0 ? { base: path.slice(0, at), variant: path.slice(at + 1) } : null;
}

function toOutcome(raw: z.infer<typeof experimentSchema>['outcome']): Outcome {
  if ('started' in raw) return { type: 'started', dialog: raw.started };
  if ('completed' in raw) return { type: 'completed', dialog: raw.completed };
  const [dialog = '', step = ''] = raw.reached.split('/');
  return { type: 'reached', dialog, step };
}

/** Every `@` variant key of the locales: `ns:base` -> variant ids seen (any language). */
function findVariantKeys(content: Content): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const lang of LANGS) {
    for (const [ns, data] of Object.entries(content.locales[lang] ?? {})) {
      for (const path of listLeafKeys(data)) {
        const split = splitVariantKey(path.join('.'));
        if (!split) continue;
        const key = `${ns}:${split.base}`;
        if (!found.has(key)) found.set(key, new Set());
        found.get(key)!.add(split.variant);
      }
    }
  }
  return found;
}

/** Line of `"<leaf>"` in a locale file, for messages (1 when not found). */
function lineOfKey(rootDir: string, lang: string, ns: string, leaf: string): number {
  const file = join(rootDir, 'locales', lang, `${ns}.json`);
  if (!existsSync(file)) return 1;
  const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(`"${leaf}"`));
  return index + 1 || 1;
}

/**
 * Loads the experiments of the project at `rootDir` against its validated `content`.
 * @returns the experiments (empty when the file is absent or has errors) and diagnostics.
 */
export function loadExperiments(rootDir: string, content: Content): { experiments: Experiment[]; diagnostics: Diagnostic[] } {
  const variantKeys = findVariantKeys(content);
  const path = join(rootDir, EXPERIMENTS_FILE);
  const diagnostics: Diagnostic[] = [];
  let source: SourceFile | null = null;
  let declared: Record<string, z.infer<typeof experimentSchema>> = {};
  if (existsSync(path)) {
    const parsed = parseYamlSource(EXPERIMENTS_FILE, readFileSync(path, 'utf8'));
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.source) return { experiments: [], diagnostics };
    source = parsed.source;
    const checked = checkSchema(source, fileSchema);
    diagnostics.push(...checked.diagnostics);
    if (!checked.data) return { experiments: [], diagnostics };
    declared = checked.data.experiments ?? {};
  }
  const experiments: Experiment[] = [];
  const named = new Set<string>();
  for (const [id, raw] of Object.entries(declared)) {
    const err = (pathIn: (string | number)[], message: string) =>
      diagnostics.push(makeDiagnostic('error', EXPERIMENTS_FILE, positionOf(source!, ['experiments', id, ...pathIn]), ['experiments', id, ...pathIn], message));
    if (!ID.test(id)) err([], `experiment id '${id}' may use a-z, 0-9, - and _ only (it is shown in statistics)`);
    if (named.has(raw.text)) err(['text'], `'${raw.text}' is already tested by another experiment: one experiment per text`);
    named.add(raw.text);
    const [ns = '', keyPath = ''] = raw.text.split(':');
    const base = lookupPath(content.locales.en?.[ns], keyPath.split('.'));
    if (typeof base !== 'string') {
      err(['text'], `no text '${raw.text}' in locales/en/${ns}.json`);
      continue;
    }
    const variants = [...(variantKeys.get(raw.text) ?? [])].sort();
    if (variants.length === 0) {
      err(['text'], `'${raw.text}' has no variants: add "${keyPath.split('.').pop()}${VARIANT_SEPARATOR}b": "..." next to it in locales/vi, fr and en`);
      continue;
    }
    const outcome = toOutcome(raw.outcome);
    const dialog = content.dialogs[outcome.dialog];
    if (!dialog) err(['outcome'], `unknown dialog '${outcome.dialog}' ${formatKnown(Object.keys(content.dialogs).sort(), 30, outcome.dialog)}`);
    else if (outcome.type === 'reached' && !dialog.steps[outcome.step]) {
      err(['outcome'], `dialog '${outcome.dialog}' has no step '${outcome.step}' ${formatKnown(Object.keys(dialog.steps), 30, outcome.step)}`);
    }
    experiments.push({ id, text: raw.text, variants: [CONTROL_VARIANT, ...variants], outcome, minSample: raw.min_sample ?? DEFAULT_MIN_SAMPLE });
    diagnostics.push(...checkVariantTexts(rootDir, content, raw.text, variants));
  }
  for (const [key, variants] of variantKeys) {
    if (named.has(key)) continue;
    const [ns = '', keyPath = ''] = key.split(':');
    const leaf = `${keyPath.split('.').pop()}${VARIANT_SEPARATOR}${[...variants][0]}`;
    diagnostics.push(makeDiagnostic('error', `locales/en/${ns}.json`, { line: lineOfKey(rootDir, 'en', ns, leaf), col: 1 }, '',
      `'${key}' has variants (${[...variants].map((v) => `@${v}`).join(', ')}) but no experiment names it: add it to ${EXPERIMENTS_FILE} with the outcome that decides, or remove the variants`));
  }
  return { experiments, diagnostics };
}

/** Every variant, in every language, keeps the text's {{placeholders}} and its length limit. */
function checkVariantTexts(rootDir: string, content: Content, text: string, variants: string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const [ns = '', keyPath = ''] = text.split(':');
  const limit = /(^|\.)choices\.[^.]+$/.test(keyPath) ? MAX_LABEL : MAX_MESSAGE;
  for (const lang of LANGS) {
    const data = content.locales[lang]?.[ns];
    const base = lookupPath(data, keyPath.split('.'));
    if (typeof base !== 'string') continue;
    const expected = variablesInText(base).sort().join(' ');
    for (const variant of variants) {
      const leaf = `${keyPath.split('.').pop()}${VARIANT_SEPARATOR}${variant}`;
      const value = lookupPath(data, [...keyPath.split('.').slice(0, -1), leaf]);
      if (typeof value !== 'string') continue; // missing in this language: reported by the locale rules
      const at = { line: lineOfKey(rootDir, lang, ns, leaf), col: 1 };
      const file = `locales/${lang}/${ns}.json`;
      const got = variablesInText(value).sort().join(' ');
      if (got !== expected) {
        out.push(makeDiagnostic('error', file, at, '', `variant '${keyPath}${VARIANT_SEPARATOR}${variant}' has {{placeholders}} ${got || 'none'} but the text it varies has ${expected || 'none'}: keep the same ones`));
      }
      const length = [...substituteVariables(value, { ...COUNTER_PLACEHOLDERS, ...content.variables })].length;
      if (length > limit) out.push(makeDiagnostic('error', file, at, '', `variant '${keyPath}${VARIANT_SEPARATOR}${variant}' is ${length} characters, over the limit of ${limit}`));
    }
  }
  return out;
}
