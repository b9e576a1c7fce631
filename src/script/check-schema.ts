/**
 * Runs a zod schema on a parsed file and turns its issues into diagnostics that point at
 * the offending node (`file:line:col`) and name the fields that are allowed there.
 */
import type { z } from 'zod';
import type { Diagnostic } from '../kernel/diagnostic';
import { makeDiagnostic, type PathSeg } from '../kernel/diagnostic';
import { positionOf, type SourceFile } from '../kernel/source-file';

type Issue = z.core.$ZodIssue;
interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  valueType?: unknown;
  element?: unknown;
  innerType?: unknown;
  options?: unknown[];
}

/**
 * Checks `source.data` against `schema`.
 * @returns the parsed data when valid, and one diagnostic per problem.
 */
export function checkSchema<T>(source: SourceFile, schema: z.ZodType<T>): { data: T | null; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { data: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue) => describeIssue(source, schema, mostSpecific(issue)));
  return { data: null, diagnostics: dedupe(diagnostics) };
}

/** In a union, report the branch that got furthest rather than "invalid input". */
function mostSpecific(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const candidates = issue.errors.map((list) => list[0]).filter((i): i is Issue => i !== undefined);
  candidates.sort((a, b) => b.path.length - a.path.length || rank(a) - rank(b));
  const best = candidates[0];
  if (!best) return issue;
  return mostSpecific({ ...best, path: [...issue.path, ...best.path] } as Issue);
}

/** Prefer "unknown field" and "expected value" over "wrong type" when paths tie. */
function rank(issue: Issue): number {
  return issue.code === 'invalid_type' ? 1 : 0;
}

function describeIssue(source: SourceFile, schema: z.ZodType, issue: Issue): Diagnostic {
  const path = issue.path.filter((p): p is PathSeg => typeof p === 'string' || typeof p === 'number');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = fieldsAt(schema, path);
      const key = issue.keys[0] ?? '';
      const message = `unknown field '${key}'${known.length ? ` (known: ${known.join(', ')})` : ''}`;
      return makeDiagnostic('error', source.file, positionOf(source, [...path, key], 'key'), [...path, key], message);
    }
    case 'invalid_type': {
      const got = valueAt(source.data, path);
      let message = got === undefined ? `missing required field (expected ${issue.expected})` : `expected ${issue.expected}, got ${typeName(got)}`;
      // A phone number written without quotes is read as a number: "0111" would become 111.
      if (issue.expected === 'string' && typeof got === 'number') message += ': write the value in quotes ("…"); unquoted, a number loses its leading zeros and spaces';
      return makeDiagnostic('error', source.file, positionOf(source, path), path, message);
    }
    case 'invalid_value':
      return makeDiagnostic('error', source.file, positionOf(source, path), path,
        `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${JSON.stringify(valueAt(source.data, path))}`);
    case 'too_small':
      return makeDiagnostic('error', source.file, positionOf(source, path), path,
        issue.origin === 'number' ? `must be at least ${String(issue.minimum)}` : 'must not be empty');
    case 'invalid_key':
      return makeDiagnostic('error', source.file, positionOf(source, path, 'key'), path,
        `invalid name '${String(path[path.length - 1] ?? '')}': use lowercase letters, digits and _`);
    default:
      return makeDiagnostic('error', source.file, positionOf(source, path), path, issue.message);
  }
}

function valueAt(data: unknown, path: readonly PathSeg[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[String(seg)];
  }
  return cur;
}

function typeName(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Names of the fields the schema allows at `path` (through records, lists, optionals, unions). */
function fieldsAt(schema: unknown, path: readonly PathSeg[]): string[] {
  let nodes: unknown[] = [schema];
  for (const seg of path) {
    nodes = nodes.flatMap((n) => childSchemas(n, seg));
  }
  return [...new Set(nodes.flatMap((n) => Object.keys(defOf(n).shape ?? {})))];
}

function childSchemas(node: unknown, seg: PathSeg): unknown[] {
  const def = defOf(node);
  switch (def.type) {
    case 'optional':
      return childSchemas(def.innerType, seg);
    case 'union':
      return (def.options ?? []).flatMap((o) => childSchemas(o, seg));
    case 'object':
      return def.shape && typeof seg === 'string' && seg in def.shape ? unwrap(def.shape[seg]) : [];
    case 'record':
      return unwrap(def.valueType);
    case 'array':
      return unwrap(def.element);
    default:
      return [];
  }
}

/** Removes optional wrappers and spreads unions, so `fieldsAt` sees the objects. */
function unwrap(node: unknown): unknown[] {
  const def = defOf(node);
  if (def.type === 'optional') return unwrap(def.innerType);
  if (def.type === 'union') return (def.options ?? []).flatMap(unwrap);
  return [node];
}

function defOf(node: unknown): SchemaDef {
  return ((node as { _zod?: { def?: SchemaDef } })?._zod?.def ?? { type: 'unknown' });
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.line}:${d.col}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
