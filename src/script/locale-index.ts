/**
 * Lookup over the locale files: lang -> namespace -> file, and the leaf keys of a file.
 */
import type { Lang } from '../kernel/lang';
import type { LocaleSource } from './read-project';

export type LocaleIndex = Map<Lang, Map<string, LocaleSource>>;

/** Indexes the locale files by language and namespace. */
export function indexLocales(locales: LocaleSource[]): LocaleIndex {
  const index: LocaleIndex = new Map();
  for (const l of locales) {
    if (!index.has(l.lang)) index.set(l.lang, new Map());
    index.get(l.lang)!.set(l.ns, l);
  }
  return index;
}

/** The value at `path` in a locale file's data (a string, a group, or undefined). */
export function lookupPath(data: unknown, path: readonly string[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** Every leaf key of a locale file, as dotted paths (`ask_fee.choices.yes`). */
export function listLeafKeys(data: unknown, prefix: string[] = []): string[][] {
  if (typeof data === 'string') return [prefix];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(data).flatMap(([k, v]) => listLeafKeys(v, [...prefix, k]));
}

const VARIABLE = /\{\{\s*([^}\s,]+)[^}]*\}\}/g;

/** Names of the `{{variables}}` in a text, in order, without repeats. */
export function variablesInText(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/** Replaces `{{name}}` by the value of `values[name]`, leaving unknown names as written. */
export function substituteVariables(text: string, values: Record<string, string>): string {
  return text.replace(VARIABLE, (whole, name: string) => values[name] ?? whole);
}

/**
 * Text of an absolute key (`check-offer:ask_fee.question`) in i18next resources
 * (`lang -> namespace -> tree`), or undefined.
 */
export function readLocaleText(resources: Record<string, Record<string, unknown>>, lang: string, key: string): string | undefined {
  const colon = key.indexOf(':');
  if (colon < 0) return undefined;
  const text = lookupPath(resources[lang]?.[key.slice(0, colon)], key.slice(colon + 1).split('.'));
  return typeof text === 'string' ? text : undefined;
}
