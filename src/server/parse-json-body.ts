/**
 * JSON body parsing for the bot's POST routes: a size limit, and a depth limit checked after
 * parsing (a body nested thousands deep parses, but later crashes `JSON.stringify` with a
 * RangeError). Too deep: 400 with the fixed body, like any malformed request.
 */
import express, { type RequestHandler } from 'express';

/** Deepest nesting of objects and arrays accepted in a body. */
export const MAX_JSON_DEPTH = 32;

/** True when `value` nests objects/arrays deeper than `maxDepth` (iterative: no stack overflow). */
export function isTooDeep(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Options of {@link parseJsonBody}. */
export interface JsonBodyOptions {
  /** Largest body, e.g. `256kb`. */
  limit: string;
  /** Parse only `application/json` bodies (local mode); otherwise any content type is read as JSON. */
  jsonOnly: boolean;
}

/** Body parser plus depth check; errors go to the router's error handler with `status: 400`. */
export function parseJsonBody(options: JsonBodyOptions): RequestHandler[] {
  const parse = express.json({ limit: options.limit, strict: false, type: options.jsonOnly ? 'application/json' : () => true });
  const checkDepth: RequestHandler = (req, _res, next) => {
    if (isTooDeep(req.body)) return next(Object.assign(new Error('request body nested too deep'), { status: 400, type: 'entity.too.deep' }));
    next();
  };
  return [parse, checkDepth];
}
