/**
 * The layers of src/, as docs/architecture.md draws them:
 * - the Bot Framework SDK (botbuilder*, botframework-*) is imported only in src/bot-framework/;
 * - environment variables are read in src/config.ts only, and passed down;
 * - the engine, and everything it imports, does no I/O (no file, network, database, process
 *   or SDK module) so a turn's logic stays a pure function of content, state and input.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, listSources, resolveLocal, ROOT, SRC } from './source-imports';

const isSdk = (specifier: string) => /^(botbuilder|botframework-|@microsoft\/agents-)/.test(specifier);

describe('import layers', () => {
  it('imports the Bot Framework SDK only in src/bot-framework/', () => {
    const offenders = listSources(SRC)
      .filter((file) => !relative(SRC, file).startsWith('bot-framework/'))
      .flatMap((file) => importsOf(file).filter(isSdk).map((specifier) => `${relative(ROOT, file)} imports ${specifier}`));
    expect(offenders).toEqual([]);
  });

  it('detects an SDK import in any form (the check above can fail)', () => {
    const sample = join(SRC, 'bot-framework', 'cloud-channel.ts');
    expect(importsOf(sample).some(isSdk)).toBe(true);
  });

  it('reads environment variables only in src/config.ts', () => {
    const readers = listSources(SRC)
      .filter((file) => /\bprocess\.env\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(readers).toEqual(['src/config.ts']);
  });

  it('keeps src/engine and everything it imports free of I/O', () => {
    const forbidden = /^(node:|fs$|net$|http$|https$|child_process$|express|redis|better-sqlite3|pino|botbuilder|botframework-)/;
    const seen = new Set<string>();
    const queue = listSources(join(SRC, 'engine'));
    const offenders: string[] = [];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      if (/\bprocess\.(env|argv|stdout|stderr|exit)\b/.test(text)) offenders.push(`${relative(ROOT, file)} uses process`);
      for (const specifier of importsOf(file)) {
        if (forbidden.test(specifier)) offenders.push(`${relative(ROOT, file)} imports ${specifier}`);
        const local = resolveLocal(file, specifier);
        if (local) queue.push(local);
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });
});
