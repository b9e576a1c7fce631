/**
 * Reads and writes `locales/<lang>/<namespace>.json` for the translation tools: flat
 * `namespace:path` keys in file order, and files written back as 2-space JSON with a
 * trailing newline.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flattenTree, type LocaleTree } from './locale-tree';

/** The locale files of one language: namespace -> parsed tree. */
export type LangFiles = Map<string, LocaleTree>;

/** Path of a locale file. */
export function toLocalePath(localesDir: string, lang: string, ns: string): string {
  return join(localesDir, lang, `${ns}.json`);
}

/** Languages present in `localesDir` (its sub-folders), sorted. */
export function listLangs(localesDir: string): string[] {
  if (!existsSync(localesDir)) return [];
  return readdirSync(localesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
}

/**
 * Reads every `<ns>.json` of `lang`. A missing folder is an empty language; a file that is
 * not valid JSON throws naming the file.
 */
export function readLangFiles(localesDir: string, lang: string): LangFiles {
  const dir = join(localesDir, lang);
  const files: LangFiles = new Map();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    try {
      files.set(name.slice(0, -'.json'.length), JSON.parse(readFileSync(path, 'utf8')) as LocaleTree);
    } catch (err) {
      throw new Error(`${path} is not valid JSON (${(err as Error).message}); fix it, then run npm run validate.`);
    }
  }
  return files;
}

/** Every text of a language as `namespace:path` -> text, namespaces sorted, keys in file order. */
export function flattenLang(files: LangFiles): Map<string, string> {
  const out = new Map<string, string>();
  for (const [ns, tree] of files) for (const [path, text] of flattenTree(tree)) out.set(`${ns}:${path}`, text);
  return out;
}

/** Formats a locale tree the way the project keeps them: 2-space JSON, trailing newline. */
export function formatLocaleJson(tree: LocaleTree): string {
  return `${JSON.stringify(tree, null, 2)}\n`;
}

/** Writes one locale file. */
export function writeLocaleFile(localesDir: string, lang: string, ns: string, tree: LocaleTree): void {
  writeFileSync(toLocalePath(localesDir, lang, ns), formatLocaleJson(tree));
}

/** Splits `namespace:path`; throws when there is no namespace. */
export function splitKey(key: string): { ns: string; path: string } {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) {
    throw new Error(`'${key}' is not a text key: expected <namespace>:<path>, e.g. check-offer:ask_fee.question.`);
  }
  return { ns: key.slice(0, colon), path: key.slice(colon + 1) };
}
