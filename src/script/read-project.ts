/**
 * Reads the content files of a project (dialogs/*.yaml, _global.yaml, _variables.yaml,
 * locales/<lang>/*.json) into parsed, schema-checked sources with positions.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../kernel/lang';
import type { Diagnostic } from '../kernel/diagnostic';
import { checkNfc, normaliseDeep } from './check-nfc';
import { checkSchema } from './check-schema';
import { dialogSchema, globalSchema, variablesSchema, type RawDialog, type RawGlobal, type RawVariables } from './schema';
import { makeDiagnostic } from '../kernel/diagnostic';
import { parseJsonSource, parseYamlSource, positionOf, type SourceFile } from '../kernel/source-file';

export interface DialogSource {
  source: SourceFile;
  raw: RawDialog;
}

export interface LocaleSource {
  lang: Lang;
  /** i18next namespace = file name without `.json`. */
  ns: string;
  source: SourceFile;
}

/** Everything read from disk, before cross-file checks. */
export interface ProjectSources {
  dialogs: DialogSource[];
  global: { source: SourceFile; raw: RawGlobal } | null;
  variables: { source: SourceFile; raw: RawVariables } | null;
  locales: LocaleSource[];
  /** Hash of every file read. */
  version: string;
  diagnostics: Diagnostic[];
}

const GLOBAL = '_global.yaml';
const VARIABLES = '_variables.yaml';

/** Reads and checks the shape of every content file under `rootDir`. */
export function readProject(rootDir: string): ProjectSources {
  const hash = createHash('sha256');
  const diagnostics: Diagnostic[] = [];
  const read = (rel: string): string => {
    const text = readFileSync(join(rootDir, rel), 'utf8');
    hash.update(rel).update('\0').update(text).update('\0');
    return text;
  };
  const loadYaml = <T>(rel: string, schema: Parameters<typeof checkSchema<T>>[1]): { source: SourceFile; raw: T } | null => {
    const parsed = parseYamlSource(rel, read(rel));
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.source) return null;
    diagnostics.push(...checkNfc(parsed.source));
    const checked = checkSchema(parsed.source, schema);
    diagnostics.push(...checked.diagnostics);
    return checked.data === null ? null : { source: parsed.source, raw: normaliseDeep(checked.data) };
  };

  const dialogFiles = listFiles(join(rootDir, 'dialogs'), '.yaml');
  const dialogs: DialogSource[] = [];
  for (const name of dialogFiles.filter((f) => !f.startsWith('_'))) {
    const loaded = loadYaml<RawDialog>(`dialogs/${name}`, dialogSchema);
    if (!loaded) continue;
    const fileId = name.slice(0, -'.yaml'.length);
    if (loaded.raw.id !== fileId) {
      diagnostics.push(makeDiagnostic('error', loaded.source.file, positionOf(loaded.source, ['id']), ['id'],
        `id '${loaded.raw.id}' does not match the file name: use id '${fileId}' or rename the file to ${loaded.raw.id}.yaml`));
    }
    dialogs.push(loaded);
  }
  let global: ProjectSources['global'] = null;
  if (dialogFiles.includes(GLOBAL)) global = loadYaml<RawGlobal>(`dialogs/${GLOBAL}`, globalSchema);
  else diagnostics.push(makeDiagnostic('error', `dialogs/${GLOBAL}`, { line: 1, col: 1 }, '', 'file is missing: it names the welcome, menu, fallback, on_stuck and on_offer_text dialogs and the interruptions (see docs/script-format.md)'));
  const variables = dialogFiles.includes(VARIABLES) ? loadYaml<RawVariables>(`dialogs/${VARIABLES}`, variablesSchema) : null;

  const locales: LocaleSource[] = [];
  for (const lang of LANGS) {
    for (const name of listFiles(join(rootDir, 'locales', lang), '.json')) {
      const rel = `locales/${lang}/${name}`;
      const parsed = parseJsonSource(rel, read(rel));
      diagnostics.push(...parsed.diagnostics);
      if (!parsed.source) continue;
      diagnostics.push(...checkNfc(parsed.source), ...checkLocaleShape(parsed.source));
      parsed.source.data = normaliseDeep(parsed.source.data);
      locales.push({ lang, ns: name.slice(0, -'.json'.length), source: parsed.source });
    }
  }
  return { dialogs, global, variables, locales, version: hash.digest('hex').slice(0, 16), diagnostics };
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => e.name)
    .sort();
}

/** A locale file is a JSON object whose leaves are strings. */
function checkLocaleShape(source: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (value: unknown, path: string[]): void => {
    if (typeof value === 'string') return;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
      return;
    }
    out.push(makeDiagnostic('error', source.file, positionOf(source, path), path, 'expected a text or a group of texts'));
  };
  visit(source.data, []);
  return out;
}
