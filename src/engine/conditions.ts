/**
 * Conditions of `branch` arms and `say` items (docs/script-format.md, "Conditions"):
 * `<name> <op> <value>` joined with `and` / `or` (`and` binds tighter).
 * Shared by the engine (evaluation) and the validator (parsing, names used).
 */
import type { VarValue } from './types';

const OPS = ['==', '!=', '>=', '<=', '>', '<'] as const;
type Op = (typeof OPS)[number];

export interface Comparison {
  name: string;
  op: Op;
  value: VarValue;
}

/** Disjunction of conjunctions: `a and b or c` is `[[a, b], [c]]`. */
export type Condition = Comparison[][];

const TOKEN = /\s*(==|!=|>=|<=|>|<|[^\s=!<>]+)/y;

/**
 * Parses a condition.
 * @throws Error naming what was expected and where, e.g. `expected an operator after 'score' (one of == != >= <= > <)`.
 */
export function parseCondition(text: string): Condition {
  const tokens = tokenize(text);
  const result: Condition = [[]];
  let i = 0;
  for (;;) {
    const name = tokens[i];
    const op = tokens[i + 1];
    const raw = tokens[i + 2];
    if (name === undefined || !/^[a-z_][a-z0-9_]*$/i.test(name)) {
      throw new Error(`expected a name at '${name ?? '(end)'}'`);
    }
    if (op === undefined || !(OPS as readonly string[]).includes(op)) {
      throw new Error(`expected an operator after '${name}' (one of ${OPS.join(' ')})`);
    }
    if (raw === undefined || (OPS as readonly string[]).includes(raw) || raw === 'and' || raw === 'or') {
      throw new Error(`expected a value after '${name} ${op}'`);
    }
    const value = parseValue(raw);
    if (typeof value !== 'number' && op !== '==' && op !== '!=') {
      throw new Error(`'${op}' needs a number, got '${raw}'`);
    }
    result[result.length - 1]!.push({ name, op: op as Op, value });
    i += 3;
    const joiner = tokens[i];
    if (joiner === undefined) return result;
    if (joiner === 'or') result.push([]);
    else if (joiner !== 'and') throw new Error(`expected 'and' or 'or' after '${name} ${op} ${raw}', got '${joiner}'`);
    i += 1;
  }
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) tokens.push(m[1]!);
  return tokens;
}

function parseValue(raw: string): VarValue {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

/** Names a condition reads, for the validator. */
export function namesInCondition(cond: Condition): string[] {
  return [...new Set(cond.flat().map((c) => c.name))];
}

/** Evaluates a condition against the dialog's variables. An unset name is 0 or ''. */
export function evaluateCondition(cond: Condition, vars: Record<string, VarValue>): boolean {
  return cond.some((all) => all.every((c) => compare(vars[c.name], c.op, c.value)));
}

function compare(actual: VarValue | undefined, op: Op, expected: VarValue): boolean {
  if (typeof expected === 'number') {
    const a = typeof actual === 'number' ? actual : Number(actual ?? 0) || 0;
    switch (op) {
      case '==': return a === expected;
      case '!=': return a !== expected;
      case '>=': return a >= expected;
      case '<=': return a <= expected;
      case '>': return a > expected;
      case '<': return a < expected;
    }
  }
  const same = String(actual ?? '') === String(expected);
  return op === '==' ? same : !same;
}

const cache = new Map<string, Condition>();

/** Parses with a cache (content is validated, so parsing cannot fail at run time). */
export function checkCondition(text: string, vars: Record<string, VarValue>): boolean {
  let cond = cache.get(text);
  if (!cond) {
    cond = parseCondition(text);
    cache.set(text, cond);
  }
  return evaluateCondition(cond, vars);
}
