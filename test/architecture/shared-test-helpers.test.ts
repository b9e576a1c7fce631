/**
 * One set of test helpers: testkit/ (fake channels, bot processes, activities, private Redis)
 * serves both test/ and bench/ and depends on neither (import-cycles.test.ts keeps test/ free of bench/).
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, listSources, resolveLocal, ROOT } from './source-imports';

/** `from imports to` for every import of a file under `dir` that lands under one of `forbidden`. */
function importsInto(dir: string, forbidden: string[]): string[] {
  return listSources(join(ROOT, dir)).flatMap((file) => importsOf(file)
    .map((specifier) => resolveLocal(file, specifier))
    .filter((target): target is string => target !== undefined)
    .map((target) => relative(ROOT, target))
    .filter((target) => forbidden.some((folder) => target.startsWith(`${folder}/`)))
    .map((target) => `${relative(ROOT, file)} imports ${target}`));
}

describe('shared test helpers', () => {
  it('testkit/ imports neither test/ nor bench/', () => {
    expect(importsInto('testkit', ['test', 'bench'])).toEqual([]);
  });

  it('benchmarks use testkit/ (the check above sees real imports)', () => {
    expect(importsInto('bench', ['testkit']).length).toBeGreaterThan(3);
  });
});
