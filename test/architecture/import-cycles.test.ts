/**
 * The lower layers of src/, as docs/architecture.md draws them, and no import cycle:
 * - no module of src/ reaches itself again through its run-time imports;
 * - src/kernel/ (shared types, text folding, diagnostics, source files) imports nothing of src/;
 *   the language layers (src/nlu/, src/scanner/) and the engine import only the kernel; the content
 *   module (src/script/: validation and runtime assembly) only the layers below it;
 * - run-time code never imports the offline tools (src/tools/) or the commands (src/cli/);
 * - tests never import the benchmarks (bench/): both use testkit/.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderOf, importsOf, listSources, resolveLocal, ROOT, runtimeImportsOfText, SRC } from './source-imports';

/** Folders of src/ each lower layer may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  kernel: [],
  util: [],
  nlu: ['kernel', 'util'],
  scanner: ['kernel', 'util'],
  engine: ['kernel'],
  experiments: ['kernel', 'engine'],
  script: ['kernel', 'util', 'nlu', 'scanner', 'engine', 'experiments'],
  flows: ['kernel', 'engine', 'script'],
};

/** Run-time import graph of src/: file -> the src/ files it imports (type-only imports left out). */
function runtimeGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = runtimeImportsOfText(readFileSync(file, 'utf8'))
      .map((specifier) => resolveLocal(file, specifier))
      .filter((target): target is string => target !== undefined);
    graph.set(file, targets);
  }
  return graph;
}

/** One cycle per strongly connected group of `graph` (Tarjan), each as the list of its members. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('import cycles and lower layers', () => {
  const files = listSources(SRC);

  it('has no import cycle between modules of src/', () => {
    const cycles = findCycles(runtimeGraph(files)).map((group) => group.map((file) => relative(ROOT, file)).join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one (the check above can fail)', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(runtimeImportsOfText("import type { A } from './a';\nimport { b } from './b';")).toEqual(['./b']);
  });

  it('keeps the kernel, language, engine and content layers importing only the layers below them', () => {
    const offenders = files
      .filter((file) => folderOf(file) in ALLOWED)
      .flatMap((file) => {
        const from = folderOf(file);
        return importsOf(file)
          .map((specifier) => resolveLocal(file, specifier))
          .filter((target): target is string => target !== undefined)
          .map(folderOf)
          .filter((to) => to !== from && !ALLOWED[from]!.includes(to))
          .map((to) => `${relative(ROOT, file)} imports src/${to}`);
      });
    expect(offenders).toEqual([]);
  });

  it('keeps run-time code free of the offline tools and commands (src/tools/, src/cli/)', () => {
    const offline = new Set(['tools', 'cli']);
    const offenders = files
      .filter((file) => !offline.has(folderOf(file)))
      .flatMap((file) =>
        importsOf(file)
          .map((specifier) => resolveLocal(file, specifier))
          .filter((target): target is string => target !== undefined && offline.has(folderOf(target)))
          .map((target) => `${relative(ROOT, file)} imports ${relative(ROOT, target)}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps the tests free of the benchmarks (bench/ uses testkit/, not the other way round)', () => {
    const bench = join(ROOT, 'bench');
    const offenders = listSources(join(ROOT, 'test')).flatMap((file) =>
      importsOf(file)
        .map((specifier) => resolveLocal(file, specifier))
        .filter((target): target is string => target !== undefined && !relative(bench, target).startsWith('..'))
        .map((target) => `${relative(ROOT, file)} imports ${relative(ROOT, target)}`),
    );
    expect(offenders).toEqual([]);
  });
});
