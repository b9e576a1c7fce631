/**
 * The runtime cache of `npm run build`: the bot uses it only while dialogs/ and locales/ are
 * byte for byte those the build validated; an edit after the build means a full validation
 * and training in process (an invalid edit is then refused, never served from the cache). A
 * runtime restored from the cache answers exactly as one trained in process.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRuntime, loadRuntime, restoreRuntime } from '../../src/script/load-runtime';
import { readRuntimeCache, writeRuntimeCache } from '../../src/script/runtime-cache';
import { loadValidatedContent } from '../../src/script/validate-project';
import { readLabelledRows } from '../../src/nlu/read-labelled-rows';
import { readAdsTsv } from '../../src/scanner/read-ads-tsv';
import type { Runtime } from '../../src/script/runtime';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'tf-cache-'));
const cacheFile = join(dir, 'runtime-cache.bin');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  for (const folder of ['dialogs', 'locales']) cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
  const { content } = loadValidatedContent(dir);
  expect(content).not.toBeNull();
  writeRuntimeCache(dir, content!, cacheFile);
});

describe('runtime cache', () => {
  it('gives the same classifications and scans as a runtime built in process', () => {
    const read = readRuntimeCache(dir, cacheFile);
    if (!('cached' in read)) throw new Error(`cache not used: ${read.miss}`);
    const cached = restoreRuntime(read.cached);
    const built = buildRuntime(dir, loadValidatedContent(dir).content!);
    expect(cached.content).toEqual(built.content);
    expect(cached.experiments).toEqual(built.experiments);

    const rows = ['dev.tsv', 'holdout.tsv', 'holdout-situations.tsv'].flatMap((file) => readLabelledRows(join(ROOT, 'test', 'nlu', file)));
    expect(rows.length).toBeGreaterThan(300);
    const recognise = (runtime: Runtime) => rows.map((row) => runtime.recogniser.recognise(row.text, row.lang));
    const fromCache = recognise(cached);
    expect(fromCache).toEqual(recognise(built));
    // Not a degenerate model: most labelled messages get their intent.
    const right = fromCache.filter((r, i) => r.intent === rows[i]!.intent).length;
    expect(right / rows.length).toBeGreaterThan(0.7);

    const ads = readAdsTsv(join(ROOT, 'test', 'scanner', 'ads.tsv'));
    expect(ads.length).toBeGreaterThan(20);
    expect(ads.map((ad) => cached.scanner.scan(ad.text))).toEqual(ads.map((ad) => built.scanner.scan(ad.text)));
  });

  it('is not used once a content file changed, and the runtime then has the edit', () => {
    const file = join(dir, 'locales', 'en', 'common.json');
    const original = readFileSync(file, 'utf8');
    const texts = JSON.parse(original) as Record<string, unknown>;
    const [key, value] = Object.entries(texts).find((entry): entry is [string, string] => typeof entry[1] === 'string')!;
    writeFileSync(file, JSON.stringify({ ...texts, [key]: `${value} (edited)` }, null, 2));
    try {
      expect(readRuntimeCache(dir, cacheFile)).toEqual({ miss: 'stale' });
      const loaded = loadRuntime(dir, cacheFile);
      expect(loaded.cache).toBe('stale');
      expect(JSON.stringify(loaded.runtime?.content)).toContain(`${value} (edited)`);
    } finally {
      writeFileSync(file, original);
    }
    expect(loadRuntime(dir, cacheFile).cache).toBe('used');
  });

  it('refuses content broken after the build instead of using the cache', () => {
    const file = join(dir, 'locales', 'en', 'common.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, '{ not json');
    try {
      const { runtime, diagnostics, cache } = loadRuntime(dir, cacheFile);
      expect(cache).toBe('stale');
      expect(runtime).toBeNull();
      expect(diagnostics.some((d) => d.severity === 'error' && d.file.includes('common.json'))).toBe(true);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('says why when there is no cache or one it cannot read', () => {
    expect(loadRuntime(dir, join(dir, 'no-such-cache.json')).cache).toBe('missing');
    const broken = join(dir, 'broken-cache.json');
    writeFileSync(broken, '{"format":1}');
    expect(readRuntimeCache(dir, broken)).toEqual({ miss: 'unreadable' });
  });
});
