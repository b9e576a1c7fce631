/**
 * The content cache of `npm run build`: the bot uses it only while dialogs/ and locales/ are
 * byte for byte those the build validated; an edit after the build means a full validation
 * (an invalid edit is then refused, never served from the cache).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/script/load-runtime';
import { readContentCache, writeContentCache } from '../../src/script/content-cache';
import { loadValidatedContent } from '../../src/script/validate-project';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'tf-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('content cache', () => {
  it('serves the validated content until a content file changes', () => {
    for (const folder of ['dialogs', 'locales']) cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
    const { content } = loadValidatedContent(dir);
    expect(content).not.toBeNull();
    const cacheFile = join(dir, 'content-cache.json');
    writeContentCache(dir, content!, cacheFile);
    expect(readContentCache(dir, cacheFile)).toEqual(content);

    appendFileSync(join(dir, 'dialogs', 'SOURCES.md'), '\n');
    expect(readContentCache(dir, cacheFile)).toBeNull();
  });

  it('refuses content broken after the build instead of using the cache', () => {
    const cacheFile = join(dir, 'content-cache.json');
    writeContentCache(dir, loadValidatedContent(dir).content!, cacheFile);
    writeFileSync(join(dir, 'locales', 'en', 'common.json'), '{ not json');
    const { runtime, diagnostics } = loadRuntime(dir, cacheFile);
    expect(runtime).toBeNull();
    expect(diagnostics.some((d) => d.severity === 'error' && d.file.includes('common.json'))).toBe(true);
  });
});
