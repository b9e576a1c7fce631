/**
 * The rule docs/campaign-guide.md promises: every number in dialogs/_variables.yaml has its
 * row in the variables table of dialogs/SOURCES.md (`| \`name\` | value | what | source | confidence |`),
 * and the row shows the same value, so a number is never changed without its source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../kernel/diagnostic';
import { parseYamlSource, positionOf } from '../kernel/source-file';
import { makeDiagnostic } from '../kernel/diagnostic';

const SOURCES = 'dialogs/SOURCES.md';
const VARIABLES = 'dialogs/_variables.yaml';

/** Table rows of SOURCES.md whose first cell is a `name`: name -> { value, line }. */
export function readSourceRows(text: string): Map<string, { value: string; line: number }> {
  const rows = new Map<string, { value: string; line: number }>();
  text.split('\n').forEach((line, i) => {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([A-Za-z0-9_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (line.trimStart().startsWith('|') && name && !rows.has(name)) rows.set(name, { value: cells[2] ?? '', line: i + 1 });
  });
  return rows;
}

/** Compares values the way people write them (backticks and spacing aside). */
function sameValue(a: string, b: string): boolean {
  const plain = (s: string) => s.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();
  return plain(a) === plain(b);
}

/** Checks every variable holding a digit against SOURCES.md under `rootDir`. */
export function checkVariableSources(rootDir: string): Diagnostic[] {
  const variablesPath = join(rootDir, VARIABLES);
  if (!existsSync(variablesPath)) return [];
  const { source } = parseYamlSource(VARIABLES, readFileSync(variablesPath, 'utf8'));
  const variables = (source?.data as { variables?: Record<string, unknown> } | null)?.variables;
  if (!source || !variables || typeof variables !== 'object') return [];
  const numbered = Object.entries(variables).filter(([, v]) => /\d/.test(String(v)));
  if (numbered.length === 0) return [];
  const sourcesPath = join(rootDir, SOURCES);
  if (!existsSync(sourcesPath)) {
    return [makeDiagnostic('error', SOURCES, { line: 1, col: 1 }, '',
      `file is missing: every number in ${VARIABLES} needs a row saying where it was published (${numbered.map(([k]) => k).join(', ')})`)];
  }
  const rows = readSourceRows(readFileSync(sourcesPath, 'utf8'));
  const out: Diagnostic[] = [];
  for (const [name, raw] of numbered) {
    const value = String(raw);
    const row = rows.get(name);
    const at = positionOf(source, ['variables', name]);
    if (!row) {
      out.push(makeDiagnostic('error', VARIABLES, at, ['variables', name],
        `the number '${value}' has no source: add a row to the variables table of ${SOURCES}: | \`${name}\` | ${value} | what it is | where it was published (link) | High or Medium |`));
    } else if (!sameValue(row.value, value)) {
      out.push(makeDiagnostic('error', VARIABLES, at, ['variables', name],
        `is '${value}' but ${SOURCES}:${row.line} gives ${row.value || 'no value'}: update that row with the source of the new number (or put the number back)`));
    }
  }
  return out;
}
