/**
 * Reads and checks the scanner rule files of one folder (dialogs/scanner/).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from '../kernel/diagnostic';
import { parseYamlSource } from '../kernel/source-file';
import { checkRules, checkValues } from './rules-checks';
import { RULE_FILES, type RuleFileName, type ScannerRules } from './rules-schema';
import { diagnoseAt, type YamlSource } from './yaml-location';

/** Rules read from a folder: `rules` is set only when no file has an error. */
export interface LoadedRules {
  rules?: ScannerRules;
  diagnostics: Diagnostic[];
}

/** Human wording of one schema problem. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type' && value === undefined) {
    const last = String(issue.path[issue.path.length - 1] ?? '');
    const langs = ['vi', 'fr', 'en'].includes(last) ? ' (every list needs vi, fr and en; write [] when there is none)' : '';
    return `missing field '${last}'${langs}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  return issue.message;
}

/** Value at `path` in a plain object, or undefined. */
function getValue(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Parses one rule file and checks it against its schema. */
function readRuleFile(
  path: string,
  shown: string,
  schema: z.ZodType,
  diagnostics: Diagnostic[],
): { src: YamlSource; data?: unknown } | undefined {
  if (!existsSync(path)) {
    diagnostics.push({ severity: 'error', file: shown, line: 1, col: 1, path: '', message: `missing rule file (expected: ${Object.keys(RULE_FILES).join(', ')})` });
    return undefined;
  }
  const parsed = parseYamlSource(shown, readFileSync(path, 'utf8'));
  diagnostics.push(...parsed.diagnostics);
  const src = parsed.source;
  if (!src) return undefined;
  const raw = src.data;
  diagnostics.push(...checkValues(raw, src));
  const checked = schema.safeParse(raw);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const ipath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      diagnostics.push(diagnoseAt(src, ipath, 'error', describeIssue(issue, getValue(raw, ipath))));
    }
    return { src };
  }
  return { src, data: checked.data };
}

/**
 * Reads every rule file of `rulesDir`, checks schemas and cross-file rules.
 * Diagnostic paths are shown relative to `shownFrom` (the project root).
 */
export function loadRules(rulesDir: string, shownFrom: string = process.cwd()): LoadedRules {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<RuleFileName, YamlSource>();
  const data = new Map<RuleFileName, unknown>();
  const shownPath = (name: string) => relative(shownFrom, join(rulesDir, name)).split('\\').join('/');
  for (const name of Object.keys(RULE_FILES) as RuleFileName[]) {
    const read = readRuleFile(join(rulesDir, name), shownPath(name), RULE_FILES[name], diagnostics);
    if (read) sources.set(name, read.src);
    if (read?.data !== undefined) data.set(name, read.data);
  }
  if (existsSync(rulesDir)) {
    for (const name of readdirSync(rulesDir)) {
      if (name.endsWith('.yaml') && !(name in RULE_FILES)) {
        diagnostics.push({ severity: 'warning', file: shownPath(name), line: 1, col: 1, path: '', message: `not a scanner rule file, ignored (known: ${Object.keys(RULE_FILES).join(', ')})` });
      }
    }
  }
  if (data.size !== Object.keys(RULE_FILES).length) return { diagnostics };
  const rules = {
    flags: data.get('flags.yaml'),
    pay: data.get('pay.yaml'),
    risk: data.get('risk.yaml'),
    adCues: data.get('ad-cues.yaml'),
  } as ScannerRules;
  diagnostics.push(...checkRules(rules, sources));
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { rules, diagnostics };
}
