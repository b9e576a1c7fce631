/**
 * Locale rules: every key a dialog uses exists in vi, fr and en; a key present in one
 * language exists in all; `{{variables}}` are known and the same in every language;
 * labels fit in 20 characters and messages in 640; unused dialog keys are reported.
 */
import { LANGS, type Lang } from '../kernel/lang';
import type { Diagnostic } from '../kernel/diagnostic';
import { BUILTIN_VARS, CHANNEL_VARS, namesSetByDialog } from './dialog-vars';
import { formatKnown } from '../kernel/known-list';
import { collectKeyUses, splitKey, type KeyUse } from './key-uses';
import { indexLocales, listLeafKeys, lookupPath, substituteVariables, variablesInText, type LocaleIndex } from './locale-index';
import type { ProjectSources } from './read-project';
import { makeDiagnostic } from '../kernel/diagnostic';
import { positionOf } from '../kernel/source-file';

/** Longest button label (channels cut longer suggested actions). */
export const MAX_LABEL = 20;
/** Longest message (Messenger's limit; longer texts must be split by the writer). */
export const MAX_MESSAGE = 640;

/** Runs every locale rule. */
export function checkLocales(project: ProjectSources): Diagnostic[] {
  const index = indexLocales(project.locales);
  const globals = Object.fromEntries(Object.entries(project.variables?.raw.variables ?? {}).map(([k, v]) => [k, String(v)]));
  const uses = collectKeyUses(project);
  const byKey = new Map<string, KeyUse[]>();
  for (const u of uses) byKey.set(u.key, [...(byKey.get(u.key) ?? []), u]);
  const out: Diagnostic[] = [...checkCompleteness(index)];
  for (const [key, keyUses] of byKey) out.push(...checkUsedKey(index, key, keyUses, globals));
  out.push(...checkUnused(index, new Set(byKey.keys()), new Set(project.dialogs.map((d) => d.raw.id))));
  return out;
}

/** A namespace or key present in one language must exist in the others. */
function checkCompleteness(index: LocaleIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const namespaces = new Set([...index.values()].flatMap((m) => [...m.keys()]));
  for (const ns of namespaces) {
    const present = LANGS.filter((l) => index.get(l)?.has(ns));
    for (const lang of LANGS.filter((l) => !present.includes(l))) {
      out.push(makeDiagnostic('error', `locales/${lang}/${ns}.json`, { line: 1, col: 1 }, '', `file is missing (present in ${present.join(', ')})`));
    }
    const keys = new Map<string, Lang[]>();
    for (const lang of present) {
      for (const path of listLeafKeys(index.get(lang)!.get(ns)!.source.data)) {
        const k = path.join('.');
        keys.set(k, [...(keys.get(k) ?? []), lang]);
      }
    }
    for (const [k, langs] of keys) {
      for (const lang of present.filter((l) => !langs.includes(l))) {
        const file = index.get(lang)!.get(ns)!.source;
        out.push(makeDiagnostic('error', file.file, positionOf(file, k.split('.')), '', `key '${k}' is missing (present in ${langs.join(', ')})`));
      }
    }
  }
  return out;
}

/** Stand-ins for the engine's numeric built-ins when a text's length is measured. */
export const COUNTER_PLACEHOLDERS: Record<string, string> = { score: '00', total: '00', flag_count: '00' };

function checkUsedKey(index: LocaleIndex, key: string, uses: KeyUse[], globals: Record<string, string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = uses[0]!;
  const { ns, path } = splitKey(key);
  const values = new Map<Lang, string>();
  for (const lang of LANGS) {
    const v = lookupPath(index.get(lang)?.get(ns)?.source.data, path);
    if (typeof v === 'string') values.set(lang, v);
    else if (v !== undefined) {
      out.push(makeDiagnostic('error', first.source.file, positionOf(first.source, first.path), first.path, `key '${key}' names a group of texts in ${lang}, not a text`));
      return out;
    }
  }
  if (values.size === 0) {
    const siblings = Object.keys(asRecord(lookupPath(index.get('en')?.get(ns)?.source.data, path.slice(0, -1))));
    const hint = index.get('en')?.has(ns) || index.get('vi')?.has(ns) ? formatKnown(siblings.map((s) => [...path.slice(0, -1), s].join('.'))) : `(no locale file ${ns}.json)`;
    out.push(makeDiagnostic('error', first.source.file, positionOf(first.source, first.path), first.path, `key '${key}' is missing in every language ${hint}`));
    return out;
  }
  const allowed = new Set([...Object.keys(globals), ...BUILTIN_VARS, ...CHANNEL_VARS, ...uses.flatMap((u) => (u.dialog ? namesSetByDialog(u.dialog.raw) : []))]);
  const reference = referenceVariables(values);
  for (const [lang, text] of values) {
    const file = index.get(lang)!.get(ns)!.source;
    const at = positionOf(file, path);
    const err = (message: string) => out.push(makeDiagnostic('error', file.file, at, '', `key '${path.join('.')}': ${message}`));
    const vars = variablesInText(text);
    for (const v of vars.filter((n) => !allowed.has(n))) err(`unknown variable {{${v}}} ${formatKnown(allowed, 30, v)}`);
    if (signature(vars) !== reference.signature) {
      err(`{{variables}} differ between languages: ${lang} has ${listVars(vars)}, ${reference.langs.join(' and ')} ${reference.langs.length > 1 ? 'have' : 'has'} ${listVars(reference.vars)}`);
    }
    // Counters the engine fills (a score, a number of signs) are measured as two digits.
    const length = [...substituteVariables(text, { ...COUNTER_PLACEHOLDERS, ...globals })].length;
    const kind = uses.some((u) => u.kind === 'label') ? 'label' : 'text';
    const max = kind === 'label' ? MAX_LABEL : MAX_MESSAGE;
    if (length > max) err(`${kind} is ${length} characters, over the limit of ${max}${kind === 'text' ? ': split it into two keys' : ''}`);
  }
  return out;
}

function signature(vars: string[]): string {
  return [...vars].sort().join(',');
}

/** The variables most languages agree on (ties: the first of vi, fr, en), to name the odd one out. */
function referenceVariables(values: Map<Lang, string>): { signature: string; vars: string[]; langs: Lang[] } {
  const groups = new Map<string, Lang[]>();
  for (const [lang, text] of values) {
    const sig = signature(variablesInText(text));
    groups.set(sig, [...(groups.get(sig) ?? []), lang]);
  }
  const [sig, langs] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  return { signature: sig, vars: variablesInText(values.get(langs[0]!)!), langs };
}

function listVars(vars: string[]): string {
  return vars.length ? vars.map((v) => `{{${v}}}`).join(' ') : 'none';
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Keys of a dialog's namespace that no dialog uses (warning). `common` and code namespaces are skipped. */
function checkUnused(index: LocaleIndex, used: Set<string>, dialogIds: Set<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const lang of LANGS) {
    for (const [ns, file] of index.get(lang) ?? []) {
      if (!dialogIds.has(ns)) continue;
      for (const path of listLeafKeys(file.source.data)) {
        const key = `${ns}:${path.join('.')}`;
        // An A/B variant (`text@b`) is used wherever its text is (see src/experiments/).
        const variantOf = /^(.+)@[^@.]+$/.exec(key)?.[1];
        if (!used.has(key) && !(variantOf && used.has(variantOf))) {
          out.push(makeDiagnostic('warning', file.source.file, positionOf(file.source, path, 'key'), '', `key '${path.join('.')}' is not used by dialog '${ns}'`));
        }
      }
    }
  }
  return out;
}
